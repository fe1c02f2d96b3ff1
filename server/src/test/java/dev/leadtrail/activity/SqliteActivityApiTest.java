package dev.leadtrail.activity;

import dev.leadtrail.testing.TestDatabase;

class SqliteActivityApiTest extends ActivityApiTest {

  @Override
  protected TestDatabase.Store store() {
    return TestDatabase.Store.SQLITE;
  }
}
