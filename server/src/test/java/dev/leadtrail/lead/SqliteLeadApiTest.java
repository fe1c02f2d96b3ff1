package dev.leadtrail.lead;

import dev.leadtrail.testing.TestDatabase;

class SqliteLeadApiTest extends LeadApiTest {

  @Override
  protected TestDatabase.Store store() {
    return TestDatabase.Store.SQLITE;
  }
}
