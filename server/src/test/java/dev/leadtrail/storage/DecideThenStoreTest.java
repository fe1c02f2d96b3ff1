package dev.leadtrail.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leadtrail.testing.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The write that reads first: tries, the locked last try, and joining an enclosing write. */
class DecideThenStoreTest {

  @TempDir Path folder;

  private Database database;

  @BeforeEach
  void open() {
    database = Database.open(TestDatabase.sqlite(folder).config(), new SimpleMeterRegistry());
    Handles.write(
        database, h -> h.execute("CREATE TABLE counters (id INTEGER PRIMARY KEY, n INTEGER)"));
    Handles.write(database, h -> h.execute("INSERT INTO counters (id, n) VALUES (1, 0)"));
  }

  @AfterEach
  void close() {
    database.close();
  }

  /** Increments the counter if it still holds what was read; refuses the first {@code misses}. */
  private final class Increment implements CheckedWrite<Integer, Integer> {

    final List<RowLock> decisions = new ArrayList<>();
    int changedMeanwhile;
    private int misses;

    Increment(int misses) {
      this.misses = misses;
    }

    @Override
    public Integer decide(RowLock lock) {
      decisions.add(lock);
      return database
          .handle()
          .createQuery("SELECT n FROM counters WHERE id = 1")
          .mapTo(Integer.class)
          .one();
    }

    @Override
    public Optional<Integer> store(Integer read) {
      if (misses > 0) {
        misses--;
        return Optional.empty();
      }
      int updated =
          database
              .writeHandle()
              .createUpdate("UPDATE counters SET n = :next WHERE id = 1 AND n = :read")
              .bind("next", read + 1)
              .bind("read", read)
              .execute();
      return updated == 1 ? Optional.of(read + 1) : Optional.empty();
    }

    @Override
    public void changedMeanwhile() {
      changedMeanwhile++;
    }
  }

  private int counter() {
    return Handles.read(
        database,
        h -> h.createQuery("SELECT n FROM counters WHERE id = 1").mapTo(Integer.class).one());
  }

  @Test
  void anUnchangedRead_isStoredAtTheFirstTry() {
    var increment = new Increment(0);

    assertThat(database.decideThenStore(increment)).isEqualTo(1);
    assertThat(increment.decisions).containsExactly(RowLock.NONE);
    assertThat(increment.changedMeanwhile).isZero();
    assertThat(counter()).isEqualTo(1);
  }

  @Test
  void aReadThatKeepsChanging_isDecidedAgainThenUnderLocks() {
    var increment = new Increment(3);

    assertThat(database.decideThenStore(increment)).isEqualTo(1);
    assertThat(increment.decisions)
        .containsExactly(RowLock.NONE, RowLock.NONE, RowLock.NONE, RowLock.FOR_UPDATE);
    assertThat(increment.changedMeanwhile).isEqualTo(3);
    assertThat(counter()).isEqualTo(1);
  }

  @Test
  void withinAWrite_itJoinsThatWriteAndFallsWithIt() {
    var increment = new Increment(0);

    assertThatThrownBy(
            () ->
                database.write(
                    () -> {
                      database.decideThenStore(increment);
                      throw new IllegalArgumentException("the enclosing write fails");
                    }))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(increment.decisions).containsExactly(RowLock.FOR_UPDATE);
    assertThat(counter()).isZero();
  }
}
