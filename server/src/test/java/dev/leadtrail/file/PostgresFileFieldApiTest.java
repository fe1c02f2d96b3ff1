package dev.leadtrail.file;

import dev.leadtrail.testing.TestDatabase;

class PostgresFileFieldApiTest extends FileFieldApiTest {

  @Override
  protected TestDatabase.Store store() {
    return TestDatabase.Store.POSTGRES;
  }
}
