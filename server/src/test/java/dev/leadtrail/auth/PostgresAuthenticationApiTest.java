package dev.leadtrail.auth;

import dev.leadtrail.testing.TestDatabase;

class PostgresAuthenticationApiTest extends AuthenticationApiTest {

  @Override
  protected TestDatabase.Store store() {
    return TestDatabase.Store.POSTGRES;
  }
}
