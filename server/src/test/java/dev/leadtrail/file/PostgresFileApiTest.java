package dev.leadtrail.file;

import dev.leadtrail.testing.TestDatabase;

class PostgresFileApiTest extends FileApiTest {

  @Override
  protected TestDatabase.Store store() {
    return TestDatabase.Store.POSTGRES;
  }
}
