package dev.leadtrail.hardening;

import dev.leadtrail.testing.TestDatabase;

class PostgresBadInputApiTest extends BadInputApiTest {

  @Override
  protected TestDatabase.Store store() {
    return TestDatabase.Store.POSTGRES;
  }
}
