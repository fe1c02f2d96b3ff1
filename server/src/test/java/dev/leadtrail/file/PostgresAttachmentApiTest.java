package dev.leadtrail.file;

import dev.leadtrail.testing.TestDatabase;

class PostgresAttachmentApiTest extends AttachmentApiTest {

  @Override
  protected TestDatabase.Store store() {
    return TestDatabase.Store.POSTGRES;
  }
}
