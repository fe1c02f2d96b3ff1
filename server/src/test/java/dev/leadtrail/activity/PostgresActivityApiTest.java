package dev.leadtrail.activity;

import dev.leadtrail.testing.TestDatabase;

class PostgresActivityApiTest extends ActivityApiTest {

  @Override
  protected TestDatabase.Store store() {
    return TestDatabase.Store.POSTGRES;
  }
}
