package dev.leadtrail.ratelimit;

import dev.leadtrail.testing.TestDatabase;

class PostgresRateLimitApiTest extends RateLimitApiTest {

  @Override
  protected TestDatabase.Store store() {
    return TestDatabase.Store.POSTGRES;
  }
}
