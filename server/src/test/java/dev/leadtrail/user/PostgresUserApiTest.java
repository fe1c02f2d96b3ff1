package dev.leadtrail.user;

import dev.leadtrail.testing.TestDatabase;

class PostgresUserApiTest extends UserApiTest {

  @Override
  protected TestDatabase.Store store() {
    return TestDatabase.Store.POSTGRES;
  }
}
