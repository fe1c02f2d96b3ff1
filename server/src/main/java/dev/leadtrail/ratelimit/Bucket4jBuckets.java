package dev.leadtrail.ratelimit;

import dev.leadtrail.value.RateLimit;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/**
 * A budget as a Bucket4j bucket: {@code calls} tokens, refilled whole at the end of each window.
 */
final class Bucket4jBuckets {

  private Bucket4jBuckets() {}

  static BucketConfiguration configuration(RateLimit limit) {
    return BucketConfiguration.builder()
        .addLimit(
            bandwidth ->
                bandwidth.capacity(limit.calls()).refillIntervally(limit.calls(), limit.window()))
        .build();
  }

  static Duration trySpend(Bucket bucket) {
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    return probe.isConsumed()
        ? Duration.ZERO
        : Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill()));
  }
}
