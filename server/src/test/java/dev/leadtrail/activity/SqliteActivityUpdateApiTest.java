package dev.leadtrail.activity;

import dev.leadtrail.testing.TestDatabase;

class SqliteActivityUpdateApiTest extends ActivityUpdateApiTest {

  @Override
  protected TestDatabase.Store store() {
    return TestDatabase.Store.SQLITE;
  }
}
