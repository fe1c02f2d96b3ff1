package dev.leadtrail.ratelimit;

import dev.leadtrail.value.RateLimit;
import java.time.Duration;

/** Where the budgets live: this process, or a store every instance shares. */
interface BucketStore extends AutoCloseable {

  /**
   * Spends one call of the budget named {@code key}, which holds {@code limit}; when the budget is
   * already spent, answers how long until it is restored (never zero), else zero.
   */
  Duration trySpend(String key, RateLimit limit);

  @Override
  void close();
}
