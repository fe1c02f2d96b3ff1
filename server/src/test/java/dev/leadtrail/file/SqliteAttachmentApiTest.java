package dev.leadtrail.file;

import dev.leadtrail.testing.TestDatabase;

class SqliteAttachmentApiTest extends AttachmentApiTest {

  @Override
  protected TestDatabase.Store store() {
    return TestDatabase.Store.SQLITE;
  }
}
