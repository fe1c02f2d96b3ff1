package dev.leadtrail.hardening;

import dev.leadtrail.testing.TestDatabase;

class PostgresConcurrentCreationApiTest extends ConcurrentCreationApiTest {

  @Override
  protected TestDatabase.Store store() {
    return TestDatabase.Store.POSTGRES;
  }
}
