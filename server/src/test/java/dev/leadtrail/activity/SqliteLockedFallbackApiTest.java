package dev.leadtrail.activity;

import dev.leadtrail.testing.TestDatabase;

class SqliteLockedFallbackApiTest extends LockedFallbackApiTest {

  @Override
  protected TestDatabase.Store store() {
    return TestDatabase.Store.SQLITE;
  }

  @Override
  protected void createSkippingTrigger() throws Exception {
    database.execute(
        """
        CREATE TRIGGER IF NOT EXISTS skip_write BEFORE UPDATE ON activities
        WHEN (SELECT n FROM skipped_writes) > 0
        BEGIN
          UPDATE skipped_writes SET n = n - 1;
          SELECT RAISE(IGNORE);
        END\
        """);
  }
}
