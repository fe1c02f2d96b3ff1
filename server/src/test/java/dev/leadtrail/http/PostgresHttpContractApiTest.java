package dev.leadtrail.http;

import dev.leadtrail.testing.TestDatabase;

class PostgresHttpContractApiTest extends HttpContractApiTest {

  @Override
  protected TestDatabase.Store store() {
    return TestDatabase.Store.POSTGRES;
  }
}
