package dev.leadtrail.activity;

import dev.leadtrail.testing.TestDatabase;

class SqliteConcurrentUpdateApiTest extends ConcurrentUpdateApiTest {

  @Override
  protected TestDatabase.Store store() {
    return TestDatabase.Store.SQLITE;
  }
}
