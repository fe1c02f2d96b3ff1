package dev.leadtrail.http;

import dev.leadtrail.testing.TestDatabase;

class SqliteObservabilityApiTest extends ObservabilityApiTest {

  @Override
  protected TestDatabase.Store store() {
    return TestDatabase.Store.SQLITE;
  }
}
