package dev.leadtrail.auth;

import dev.leadtrail.testing.TestDatabase;

class PostgresKeyHashingApiTest extends KeyHashingApiTest {

  @Override
  protected TestDatabase.Store store() {
    return TestDatabase.Store.POSTGRES;
  }
}
