package dev.leadtrail.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leadtrail.error.ErrorType;
import dev.leadtrail.error.FailureSummary;
import dev.leadtrail.error.RuleViolationException;
import dev.leadtrail.error.StoreFailureException;
import dev.leadtrail.testing.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What leaves the store when it fails: never a Jdbi or SQL exception, never SQL or values. */
class StoreFailureTest {

  @TempDir Path folder;

  private Database database;

  @BeforeEach
  void open() {
    database = Database.open(TestDatabase.sqlite(folder).config(), new SimpleMeterRegistry());
    Handles.write(database, handle -> handle.execute("CREATE TABLE items (n INTEGER PRIMARY KEY)"));
    Handles.write(database, handle -> handle.execute("INSERT INTO items (n) VALUES (1)"));
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void aBrokenUniqueKey_isTheClientsDuplicate() {
    assertThatThrownBy(
            () -> Handles.write(database, h -> h.execute("INSERT INTO items (n) VALUES (1)")))
        .isInstanceOfSatisfying(
            RuleViolationException.class,
            e -> assertThat(e.type()).isEqualTo(ErrorType.DUPLICATE_ENTRY));
  }

  @Test
  void anyOtherFailure_leavesAsAStoreFailureTellingCodesButNoSql() {
    assertThatThrownBy(
            () -> Handles.read(database, h -> h.execute("SELECT secret_column FROM items")))
        .isInstanceOfSatisfying(
            StoreFailureException.class,
            e -> {
              assertThat(e.codes()).contains("SQLiteException(error code 1)");
              assertThat(e.getMessage()).doesNotContain("secret_column");
              assertThat(FailureSummary.describe(e))
                  .contains("SQLiteException(error code 1)")
                  .doesNotContain("secret_column")
                  .contains("StoreFailureTest");
            });
  }

  @Test
  void aFailedWrite_changesNothing() {
    assertThatThrownBy(
            () ->
                database.write(
                    () -> {
                      database.writeHandle().execute("INSERT INTO items (n) VALUES (2)");
                      return database.writeHandle().execute("INSERT INTO items (n) VALUES (1)");
                    }))
        .isInstanceOf(RuleViolationException.class);

    int stored =
        Handles.read(
            database, h -> h.createQuery("SELECT COUNT(*) FROM items").mapTo(Integer.class).one());
    assertThat(stored).isEqualTo(1);
  }
}
