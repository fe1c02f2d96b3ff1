package dev.leadtrail.demo;

import dev.leadtrail.testing.TestDatabase;

class PostgresSeedSampleApiTest extends SeedSampleApiTest {

  @Override
  protected TestDatabase.Store store() {
    return TestDatabase.Store.POSTGRES;
  }
}
