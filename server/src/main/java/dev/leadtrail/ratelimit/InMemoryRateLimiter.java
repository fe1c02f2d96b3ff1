package dev.leadtrail.ratelimit;

import dev.leadtrail.config.LeadtrailConfig;
import dev.leadtrail.error.RateLimitedException;
import dev.leadtrail.org.OrgId;
import dev.leadtrail.org.Organisation;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Budgets kept in this process: right for one instance. Each organisation has a bucket per class
 * of call that holds {@code calls} tokens and is refilled whole at the end of each window, so that
 * no more than {@code calls} calls are answered in one window, as LeadSquared counts them. A bucket
 * is keyed by its limit too, so a changed limit takes effect with a fresh bucket. Thread-safe.
 */
public final class InMemoryRateLimiter implements RateLimiter {

  private record BucketKey(OrgId orgId, RateClass rateClass, RateLimit limit) {}

  private final LeadtrailConfig.RateLimits defaults;
  private final ConcurrentMap<BucketKey, Bucket> buckets = new ConcurrentHashMap<>();

  public InMemoryRateLimiter(LeadtrailConfig.RateLimits defaults) {
    this.defaults = defaults;
  }

  @Override
  public void acquire(Organisation organisation, RateClass rateClass) {
    RateLimit limit = organisation.ownLimit(rateClass).orElseGet(() -> defaultLimit(rateClass));
    Bucket bucket =
        buckets.computeIfAbsent(
            new BucketKey(organisation.id(), rateClass, limit), key -> newBucket(key.limit()));
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      throw new RateLimitedException(
          limit.calls(), limit.window(), wholeSeconds(probe.getNanosToWaitForRefill()));
    }
  }

  private RateLimit defaultLimit(RateClass rateClass) {
    return switch (rateClass) {
      case STANDARD -> defaults.standard();
      case BULK -> defaults.bulk();
    };
  }

  private static Bucket newBucket(RateLimit limit) {
    return Bucket.builder()
        .addLimit(
            bandwidth ->
                bandwidth.capacity(limit.calls()).refillIntervally(limit.calls(), limit.window()))
        .build();
  }

  private static Duration wholeSeconds(long nanos) {
    return Duration.ofSeconds(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
  }
}
