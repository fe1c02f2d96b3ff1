package dev.leadtrail.http;

import dev.leadtrail.testing.TestDatabase;

class SqliteHttpContractApiTest extends HttpContractApiTest {

  @Override
  protected TestDatabase.Store store() {
    return TestDatabase.Store.SQLITE;
  }
}
