package dev.leadtrail.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Buckets in this process's memory: right for a single instance. Thread-safe. */
final class LocalBucketStore implements BucketStore {

  private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  @Override
  public Bucket bucket(String key, BucketConfiguration configuration) {
    return buckets.computeIfAbsent(
        key,
        k -> {
          var builder = Bucket.builder();
          for (Bandwidth bandwidth : configuration.getBandwidths()) {
            builder.addLimit(bandwidth);
          }
          return builder.build();
        });
  }

  @Override
  public void close() {
    buckets.clear();
  }
}
