package dev.leadtrail.ratelimit;

import dev.leadtrail.config.ConfigException;
import dev.leadtrail.config.LeadtrailConfig;
import dev.leadtrail.error.RateLimitedException;
import dev.leadtrail.org.Organisation;
import dev.leadtrail.storage.CallWindows;
import dev.leadtrail.storage.Database;
import dev.leadtrail.value.RateClass;
import dev.leadtrail.value.RateLimit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An organisation's budgets: each allows {@code calls} calls and is restored whole at the end of
 * each window, so no more than {@code calls} calls are answered in one window, as LeadSquared
 * counts them. They are kept in memory or Redis as Bucket4j buckets, or in PostgreSQL as counted
 * windows. A budget's key names its organisation, class of call and limit, so a changed limit takes
 * effect with a fresh budget. Thread-safe.
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

  /** The limiter for the configured store; the database store counts in {@code database}. */
  public static BucketRateLimiter create(
      LeadtrailConfig.RateLimits config, Database database, MeterRegistry metrics) {
    Optional<CallWindows> shared = database.sharedCallWindows();
    BucketStore store =
        switch (config.store()) {
          case DEFAULT ->
              shared
                  .<BucketStore>map(windows -> new DatabaseWindowStore(windows, metrics))
                  .orElseGet(LocalBucketStore::new);
          case MEMORY -> new LocalBucketStore();
          case DATABASE ->
              new DatabaseWindowStore(
                  shared.orElseThrow(
                      () ->
                          new ConfigException(
                              List.of(
                                  "ratelimit.store is database, which needs PostgreSQL; a SQLite"
                                      + " store serves one instance: use memory"))),
                  metrics);
          case REDIS -> new RedisBucketStore(config.redisUrl());
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
    Duration wait = store.trySpend(key, limit);
    if (!wait.isZero()) {
      rejections.get(rateClass).increment();
      throw new RateLimitedException(limit.calls(), limit.window(), wholeSeconds(wait.toNanos()));
    }
  }

  private RateLimit defaultLimit(RateClass rateClass) {
    return switch (rateClass) {
      case STANDARD -> defaults.standard();
      case BULK -> defaults.bulk();
    };
  }

  private static Duration wholeSeconds(long nanos) {
    return Duration.ofSeconds(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
  }

  @Override
  public void close() {
    store.close();
  }
}
