package dev.leadtrail.ratelimit;

import dev.leadtrail.value.RateLimit;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Buckets in this process's memory: right for a single instance. Thread-safe. */
final class LocalBucketStore implements BucketStore {

  private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  @Override
  public Duration trySpend(String key, RateLimit limit) {
    return Bucket4jBuckets.trySpend(buckets.computeIfAbsent(key, k -> bucket(limit)));
  }

  private static Bucket bucket(RateLimit limit) {
    BucketConfiguration configuration = Bucket4jBuckets.configuration(limit);
    var builder = Bucket.builder();
    for (Bandwidth bandwidth : configuration.getBandwidths()) {
      builder.addLimit(bandwidth);
    }
    return builder.build();
  }

  @Override
  public void close() {
    buckets.clear();
  }
}
