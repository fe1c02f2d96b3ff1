package dev.leadtrail.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;

/** Where the budgets' buckets live: this process, or a store every instance shares. */
interface BucketStore extends AutoCloseable {

  Bucket bucket(String key, BucketConfiguration configuration);

  @Override
  void close();
}
