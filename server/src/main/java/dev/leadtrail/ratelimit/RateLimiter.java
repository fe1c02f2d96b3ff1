package dev.leadtrail.ratelimit;

import dev.leadtrail.org.Organisation;
import dev.leadtrail.value.RateClass;

/** Spends one call of an organisation's budget, or refuses with {@code RateLimitedException}. */
public interface RateLimiter {

  void acquire(Organisation organisation, RateClass rateClass);
}
