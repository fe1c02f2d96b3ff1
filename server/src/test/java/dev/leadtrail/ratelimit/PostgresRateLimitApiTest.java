package dev.leadtrail.ratelimit;

import dev.leadtrail.testing.RateWindows;
import dev.leadtrail.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;

/** On PostgreSQL the budgets are the database's fixed windows, which no test may straddle. */
class PostgresRateLimitApiTest extends RateLimitApiTest {

  @Override
  protected TestDatabase.Store store() {
    return TestDatabase.Store.POSTGRES;
  }

  @BeforeEach
  void startInAFreshWindow() {
    RateWindows.awaitFreshWindow();
  }
}
