package dev.leadtrail.file;

import dev.leadtrail.testing.TestDatabase;

class SqliteCustomFieldSetApiTest extends CustomFieldSetApiTest {

  @Override
  protected TestDatabase.Store store() {
    return TestDatabase.Store.SQLITE;
  }
}
