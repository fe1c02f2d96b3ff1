package dev.leadtrail.activity;

import dev.leadtrail.testing.TestDatabase;

class PostgresLockedFallbackApiTest extends LockedFallbackApiTest {

  @Override
  protected TestDatabase.Store store() {
    return TestDatabase.Store.POSTGRES;
  }

  @Override
  protected void skipNextWrites(int count) throws Exception {
    database.execute("CREATE TABLE IF NOT EXISTS skipped_writes (n INTEGER NOT NULL)");
    database.execute("DELETE FROM skipped_writes");
    database.execute("INSERT INTO skipped_writes VALUES (" + count + ")");
    database.execute(
        """
        CREATE OR REPLACE FUNCTION skip_write() RETURNS trigger AS $$
        BEGIN
          IF (SELECT n FROM skipped_writes) > 0 THEN
            UPDATE skipped_writes SET n = n - 1;
            RETURN NULL;
          END IF;
          RETURN NEW;
        END $$ LANGUAGE plpgsql\
        """);
    database.execute("DROP TRIGGER IF EXISTS skip_write ON activities");
    database.execute(
        "CREATE TRIGGER skip_write BEFORE UPDATE ON activities"
            + " FOR EACH ROW EXECUTE FUNCTION skip_write()");
  }
}
