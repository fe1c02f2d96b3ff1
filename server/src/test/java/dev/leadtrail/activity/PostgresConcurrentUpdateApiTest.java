package dev.leadtrail.activity;

import dev.leadtrail.testing.TestDatabase;

class PostgresConcurrentUpdateApiTest extends ConcurrentUpdateApiTest {

  @Override
  protected TestDatabase.Store store() {
    return TestDatabase.Store.POSTGRES;
  }
}
