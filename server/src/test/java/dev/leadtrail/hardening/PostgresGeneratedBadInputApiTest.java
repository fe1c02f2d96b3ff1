package dev.leadtrail.hardening;

import dev.leadtrail.testing.TestDatabase;

class PostgresGeneratedBadInputApiTest extends GeneratedBadInputApiTest {

  @Override
  protected TestDatabase.Store store() {
    return TestDatabase.Store.POSTGRES;
  }
}
