package dev.leadtrail.activity;

import dev.leadtrail.testing.TestDatabase;

class SqliteLockedFallbackApiTest extends LockedFallbackApiTest {

  @Override
  protected TestDatabase.Store store() {
    return TestDatabase.Store.SQLITE;
  }

  @Override
  protected void skipNextWrites(int count) throws Exception {
    database.execute("CREATE TABLE IF NOT EXISTS skipped_writes (n INTEGER NOT NULL)");
    database.execute("DELETE FROM skipped_writes");
    database.execute("INSERT INTO skipped_writes VALUES (" + count + ")");
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
