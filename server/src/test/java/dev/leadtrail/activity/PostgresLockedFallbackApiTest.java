package dev.leadtrail.activity;

import dev.leadtrail.testing.TestDatabase;

class PostgresLockedFallbackApiTest extends LockedFallbackApiTest {

  @Override
  protected TestDatabase.Store store() {
    return TestDatabase.Store.POSTGRES;
  }

  @Override
  protected void createSkippingTrigger() throws Exception {
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
