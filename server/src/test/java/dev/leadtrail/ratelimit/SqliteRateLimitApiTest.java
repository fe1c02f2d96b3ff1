package dev.leadtrail.ratelimit;

import dev.leadtrail.testing.TestDatabase;

class SqliteRateLimitApiTest extends RateLimitApiTest {

  @Override
  protected TestDatabase.Store store() {
    return TestDatabase.Store.SQLITE;
  }
}
