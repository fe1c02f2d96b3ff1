package dev.leadtrail.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadtrail.testing.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Held SQLite statements behave as fresh ones: same answers, fresh snapshots, no cross-talk. */
class SqliteStatementCacheTest {

  @TempDir Path folder;
  private Database database;

  @BeforeEach
  void open() {
    database = Database.open(TestDatabase.sqlite(folder).config(), new SimpleMeterRegistry());
    Handles.write(
        database,
        handle -> {
          handle.execute("CREATE TABLE items (n INTEGER NOT NULL PRIMARY KEY, label TEXT)");
          for (int n = 1; n <= 3; n++) {
            handle.execute("INSERT INTO items (n, label) VALUES (?, ?)", n, "item " + n);
          }
          return null;
        });
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void aHeldQuery_seesEveryWriteCommittedSinceItsLastUse() {
    assertThat(count()).isEqualTo(3);

    Handles.write(database, handle -> handle.execute("INSERT INTO items (n) VALUES (4)"));

    assertThat(count()).as("a held statement keeps no old snapshot").isEqualTo(4);
  }

  @Test
  void theSameQuery_runInsideItsOwnResults_getsAStatementOfItsOwn() {
    String byNumber = "SELECT label FROM items WHERE n = :n";
    List<String> pairs =
        Handles.read(
            database,
            handle ->
                handle
                    .createQuery(byNumber)
                    .bind("n", 1)
                    .map(
                        (rs, ctx) ->
                            rs.getString("label")
                                + " / "
                                + handle
                                    .createQuery(byNumber)
                                    .bind("n", 2)
                                    .mapTo(String.class)
                                    .one())
                    .list());

    assertThat(pairs).containsExactly("item 1 / item 2");
  }

  @Test
  void moreDistinctStatementsThanAreHeld_allAnswerRightly() {
    List<Integer> answers =
        Handles.read(
            database,
            handle ->
                IntStream.rangeClosed(1, SqliteStatementCache.HELD * 2)
                    .mapToObj(
                        i ->
                            handle
                                .createQuery("SELECT COUNT(*) + " + i + " FROM items")
                                .mapTo(Integer.class)
                                .one())
                    .toList());

    assertThat(answers)
        .isEqualTo(
            IntStream.rangeClosed(1, SqliteStatementCache.HELD * 2)
                .map(i -> 3 + i)
                .boxed()
                .toList());
    assertThat(count()).isEqualTo(3);
  }

  @Test
  void aFailedStatement_leavesItsHeldCopyUsable() {
    String insert = "INSERT INTO items (n) VALUES (:n)";
    boolean refused;
    try {
      Handles.write(database, handle -> handle.createUpdate(insert).bind("n", 1).execute());
      refused = false;
    } catch (RuntimeException duplicate) {
      refused = true;
    }

    Handles.write(database, handle -> handle.createUpdate(insert).bind("n", 5).execute());

    assertThat(refused).isTrue();
    assertThat(count()).isEqualTo(4);
  }

  private int count() {
    return Handles.read(
        database,
        handle -> handle.createQuery("SELECT COUNT(*) FROM items").mapTo(Integer.class).one());
  }
}
