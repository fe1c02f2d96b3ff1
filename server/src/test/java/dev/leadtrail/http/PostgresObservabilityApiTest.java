package dev.leadtrail.http;

import dev.leadtrail.testing.TestDatabase;

class PostgresObservabilityApiTest extends ObservabilityApiTest {

  @Override
  protected TestDatabase.Store store() {
    return TestDatabase.Store.POSTGRES;
  }
}
