package dev.leadtrail.activitytype;

import dev.leadtrail.testing.TestDatabase;

class PostgresActivityTypeApiTest extends ActivityTypeApiTest {

  @Override
  protected TestDatabase.Store store() {
    return TestDatabase.Store.POSTGRES;
  }
}
