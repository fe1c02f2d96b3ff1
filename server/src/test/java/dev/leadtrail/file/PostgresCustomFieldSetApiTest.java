package dev.leadtrail.file;

import dev.leadtrail.testing.TestDatabase;

class PostgresCustomFieldSetApiTest extends CustomFieldSetApiTest {

  @Override
  protected TestDatabase.Store store() {
    return TestDatabase.Store.POSTGRES;
  }
}
