package dev.leadtrail.file;

import dev.leadtrail.testing.TestDatabase;

class SqliteFileApiTest extends FileApiTest {

  @Override
  protected TestDatabase.Store store() {
    return TestDatabase.Store.SQLITE;
  }
}
