package dev.leadtrail.activitytype;

import dev.leadtrail.testing.TestDatabase;

class SqliteActivityTypeApiTest extends ActivityTypeApiTest {

  @Override
  protected TestDatabase.Store store() {
    return TestDatabase.Store.SQLITE;
  }
}
