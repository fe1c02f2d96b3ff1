package dev.leadtrail.activity;

import dev.leadtrail.testing.TestDatabase;

class PostgresActivityUpdateApiTest extends ActivityUpdateApiTest {

  @Override
  protected TestDatabase.Store store() {
    return TestDatabase.Store.POSTGRES;
  }
}
