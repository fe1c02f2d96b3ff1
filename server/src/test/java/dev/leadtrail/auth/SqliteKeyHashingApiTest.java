package dev.leadtrail.auth;

import dev.leadtrail.testing.TestDatabase;

class SqliteKeyHashingApiTest extends KeyHashingApiTest {

  @Override
  protected TestDatabase.Store store() {
    return TestDatabase.Store.SQLITE;
  }
}
