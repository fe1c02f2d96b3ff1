package dev.leadtrail.auth;

import dev.leadtrail.testing.TestDatabase;

class SqliteAuthenticationApiTest extends AuthenticationApiTest {

  @Override
  protected TestDatabase.Store store() {
    return TestDatabase.Store.SQLITE;
  }
}
