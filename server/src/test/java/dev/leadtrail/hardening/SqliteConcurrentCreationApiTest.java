package dev.leadtrail.hardening;

import dev.leadtrail.testing.TestDatabase;

class SqliteConcurrentCreationApiTest extends ConcurrentCreationApiTest {

  @Override
  protected TestDatabase.Store store() {
    return TestDatabase.Store.SQLITE;
  }
}
