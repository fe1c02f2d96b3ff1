package dev.leadtrail.hardening;

import dev.leadtrail.testing.TestDatabase;

class SqliteBadInputApiTest extends BadInputApiTest {

  @Override
  protected TestDatabase.Store store() {
    return TestDatabase.Store.SQLITE;
  }
}
