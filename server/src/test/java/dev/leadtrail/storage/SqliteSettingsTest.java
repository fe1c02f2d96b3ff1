package dev.leadtrail.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadtrail.testing.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings every SQLite connection runs with: the ones a durable 200 depends on. */
class SqliteSettingsTest {

  private static final int SYNCHRONOUS_FULL = 2;

  @TempDir Path folder;
  private Database database;

  @BeforeEach
  void open() {
    database = Database.open(TestDatabase.sqlite(folder).config(), new SimpleMeterRegistry());
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void theWriter_commitsDurablyThroughTheWalAndCheckpointsInSmallSteps() {
    Handles.write(
        database,
        handle -> {
          assertThat(pragma(handle, "journal_mode")).isEqualTo("wal");
          assertThat(pragma(handle, "synchronous")).isEqualTo(String.valueOf(SYNCHRONOUS_FULL));
          assertThat(pragma(handle, "foreign_keys")).isEqualTo("1");
          assertThat(pragma(handle, "wal_autocheckpoint"))
              .isEqualTo(String.valueOf(SqliteDialect.CHECKPOINT_PAGES));
          return null;
        });
  }

  @Test
  void readers_readTheWalWithForeignKeysOn() {
    Handles.read(
        database,
        handle -> {
          assertThat(pragma(handle, "journal_mode")).isEqualTo("wal");
          assertThat(pragma(handle, "foreign_keys")).isEqualTo("1");
          return null;
        });
  }

  private static String pragma(Handle handle, String name) {
    return handle.createQuery("PRAGMA " + name).mapTo(String.class).one();
  }
}
