package dev.leadtrail.user;

import dev.leadtrail.testing.TestDatabase;

class SqliteUserApiTest extends UserApiTest {

  @Override
  protected TestDatabase.Store store() {
    return TestDatabase.Store.SQLITE;
  }
}
