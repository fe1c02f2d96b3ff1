package dev.leadtrail.hardening;

import dev.leadtrail.testing.TestDatabase;

class SqliteGeneratedBadInputApiTest extends GeneratedBadInputApiTest {

  @Override
  protected TestDatabase.Store store() {
    return TestDatabase.Store.SQLITE;
  }
}
