package dev.leadtrail.storage;

import dev.leadtrail.testing.TestDatabase;

class SqliteStoreTest extends StoreTest {

  @Override
  protected TestDatabase.Store store() {
    return TestDatabase.Store.SQLITE;
  }
}
