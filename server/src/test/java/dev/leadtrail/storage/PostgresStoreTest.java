package dev.leadtrail.storage;

import dev.leadtrail.testing.TestDatabase;

class PostgresStoreTest extends StoreTest {

  @Override
  protected TestDatabase.Store store() {
    return TestDatabase.Store.POSTGRES;
  }
}
