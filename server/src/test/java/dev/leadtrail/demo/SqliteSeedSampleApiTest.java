package dev.leadtrail.demo;

import dev.leadtrail.testing.TestDatabase;

class SqliteSeedSampleApiTest extends SeedSampleApiTest {

  @Override
  protected TestDatabase.Store store() {
    return TestDatabase.Store.SQLITE;
  }
}
