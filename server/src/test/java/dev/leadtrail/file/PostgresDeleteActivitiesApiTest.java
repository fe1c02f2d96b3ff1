package dev.leadtrail.file;

import dev.leadtrail.testing.TestDatabase;

class PostgresDeleteActivitiesApiTest extends DeleteActivitiesApiTest {

  @Override
  protected TestDatabase.Store store() {
    return TestDatabase.Store.POSTGRES;
  }
}
