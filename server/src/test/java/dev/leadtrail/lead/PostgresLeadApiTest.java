package dev.leadtrail.lead;

import dev.leadtrail.testing.TestDatabase;

class PostgresLeadApiTest extends LeadApiTest {

  @Override
  protected TestDatabase.Store store() {
    return TestDatabase.Store.POSTGRES;
  }
}
