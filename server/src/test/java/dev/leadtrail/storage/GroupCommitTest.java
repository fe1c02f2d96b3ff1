package dev.leadtrail.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadtrail.testing.Eventually;
import dev.leadtrail.testing.TestDatabase;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQLite's writes share commits, and a failing write never takes its batch-mates with it. */
class GroupCommitTest {

  private static final int WRITES = 200;

  @TempDir Path folder;

  @Test
  void waitingWrites_commitTogetherAndAFailingOneFailsAlone() throws Exception {
    var metrics = new SimpleMeterRegistry();
    try (Database database = Database.open(TestDatabase.sqlite(folder).config(), metrics)) {
      Handles.write(
          database,
          handle -> handle.execute("CREATE TABLE items (n INTEGER NOT NULL PRIMARY KEY)"));
      ExecutorService pool = Executors.newFixedThreadPool(WRITES + 1);
      var writerHeld = new CountDownLatch(1);
      var writerReleased = new CountDownLatch(1);
      Future<?> holder =
          pool.submit(
              () ->
                  Handles.write(
                      database,
                      handle -> {
                        writerHeld.countDown();
                        writerReleased.await();
                        return null;
                      }));
      List<Future<Boolean>> outcomes = new ArrayList<>();
      try {
        writerHeld.await();
        for (int i = 0; i < WRITES; i++) {
          int n = i;
          outcomes.add(pool.submit(() -> insertRefusingEveryThird(database, n)));
        }
        Eventually.await(
            "every write to wait for the writer",
            Duration.ofSeconds(10),
            () -> metrics.get("leadtrail.sqlite.writes.waiting").gauge().value() == WRITES);
      } finally {
        writerReleased.countDown();
      }
      holder.get();

      List<Integer> acknowledged = new ArrayList<>();
      for (int i = 0; i < outcomes.size(); i++) {
        if (outcomes.get(i).get()) {
          acknowledged.add(i);
        }
      }
      pool.shutdown();

      List<Integer> stored =
          Handles.read(
              database,
              handle ->
                  handle.createQuery("SELECT n FROM items ORDER BY n").mapTo(Integer.class).list());
      assertThat(stored).isEqualTo(acknowledged);
      assertThat(stored).hasSize(133).noneMatch(n -> n % 3 == 0);
      DistributionSummary commits = metrics.get("leadtrail.sqlite.commit.writes").summary();
      int fullBatches = (WRITES + GroupCommitWriter.MAX_BATCH - 1) / GroupCommitWriter.MAX_BATCH;
      // The table's creation and the holder commit alone; the 200 waiting writes in full batches.
      assertThat(commits.count()).isEqualTo(2 + fullBatches);
      assertThat(commits.totalAmount()).isEqualTo(2 + WRITES);
    }
  }

  private static boolean insertRefusingEveryThird(Database database, int n) {
    try {
      Handles.write(
          database,
          handle -> {
            handle.execute("INSERT INTO items (n) VALUES (?)", n);
            if (n % 3 == 0) {
              throw new IllegalArgumentException("refused " + n);
            }
            return null;
          });
      return true;
    } catch (IllegalArgumentException e) {
      assertThat(e).hasMessage("refused " + n);
      return false;
    }
  }
}
