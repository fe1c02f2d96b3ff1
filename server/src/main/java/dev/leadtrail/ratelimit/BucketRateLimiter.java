package dev.leadtrail.ratelimit;

import dev.leadtrail.config.LeadtrailConfig;
import dev.leadtrail.error.RateLimitedException;
import dev.leadtrail.org.Organisation;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * An organisation's budgets as Bucket4j buckets: each holds {@code calls} tokens and is refilled
 * whole at the end of each window, so no more than {@code calls} calls are answered in one window,
 * as LeadSquared counts them. A bucket's key names its organisation, class of call and limit, so a
 * changed limit takes effect with a fresh bucket. Thread-safe.
 */
public final class BucketRateLimiter implements RateLimiter, AutoCloseable {

  private final LeadtrailConfig.RateLimits defaults;
  private final BucketStore store;
  private final Map<RateClass, Counter> rejections = new EnumMap<>(RateClass.class);

  BucketRateLimiter(LeadtrailConfig.RateLimits defaults, BucketStore store, MeterRegistry metrics) {
    this.defaults = defaults;
    this.store = store;
    for (RateClass rateClass : RateClass.values()) {
      rejections.put(
          rateClass,
          Counter.builder("leadtrail.ratelimit.rejections")
              .description("Calls refused because the organisation's budget was spent")
              .tag("class", rateClass.name().toLowerCase(Locale.ROOT))
              .register(metrics));
    }
  }

  /** The limiter for the configured store; {@code dataSource} serves the database store. */
  public static BucketRateLimiter create(
      LeadtrailConfig.RateLimits config, DataSource dataSource, MeterRegistry metrics) {
    BucketStore store =
        switch (config.store()) {
          case MEMORY -> new LocalBucketStore();
          case DATABASE -> SharedBucketStore.postgres(dataSource);
          case REDIS -> SharedBucketStore.redis(config.redisUrl());
        };
    return new BucketRateLimiter(config, store, metrics);
  }

  @Override
  public void acquire(Organisation organisation, RateClass rateClass) {
    RateLimit limit = organisation.ownLimit(rateClass).orElseGet(() -> defaultLimit(rateClass));
    String key =
        organisation.id().value()
            + ":"
            + rateClass.name()
            + ":"
            + limit.calls()
            + "/"
            + limit.window().toSeconds();
    ConsumptionProbe probe =
        store.bucket(key, configuration(limit)).tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      rejections.get(rateClass).increment();
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

  private static BucketConfiguration configuration(RateLimit limit) {
    return BucketConfiguration.builder()
        .addLimit(
            bandwidth ->
                bandwidth.capacity(limit.calls()).refillIntervally(limit.calls(), limit.window()))
        .build();
  }

  private static Duration wholeSeconds(long nanos) {
    return Duration.ofSeconds(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
  }

  @Override
  public void close() {
    store.close();
  }
}
