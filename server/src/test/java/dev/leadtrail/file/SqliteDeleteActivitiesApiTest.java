package dev.leadtrail.file;

import dev.leadtrail.testing.TestDatabase;

class SqliteDeleteActivitiesApiTest extends DeleteActivitiesApiTest {

  @Override
  protected TestDatabase.Store store() {
    return TestDatabase.Store.SQLITE;
  }
}
