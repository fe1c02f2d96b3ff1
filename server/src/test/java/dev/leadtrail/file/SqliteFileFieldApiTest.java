package dev.leadtrail.file;

import dev.leadtrail.testing.TestDatabase;

class SqliteFileFieldApiTest extends FileFieldApiTest {

  @Override
  protected TestDatabase.Store store() {
    return TestDatabase.Store.SQLITE;
  }
}
