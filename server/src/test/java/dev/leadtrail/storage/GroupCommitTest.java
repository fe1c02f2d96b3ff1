package dev.leadtrail.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadtrail.testing.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQLite's writes share commits, and a failing write never takes its batch-mates with it. */
class GroupCommitTest {

  @TempDir Path folder;

  @Test
  void concurrentWrites_commitTogetherAndAFailingOneFailsAlone() throws Exception {
    try (Database database =
        Database.open(TestDatabase.sqlite(folder).config(), new SimpleMeterRegistry())) {
      database.write(
          handle -> handle.execute("CREATE TABLE items (n INTEGER NOT NULL PRIMARY KEY)"));
      ExecutorService pool = Executors.newFixedThreadPool(32);
      List<Future<Boolean>> outcomes = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        int n = i;
        outcomes.add(
            pool.submit(
                () -> {
                  try {
                    database.write(
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
                }));
      }
      List<Integer> acknowledged = new ArrayList<>();
      for (int i = 0; i < outcomes.size(); i++) {
        if (outcomes.get(i).get()) {
          acknowledged.add(i);
        }
      }
      pool.shutdown();

      List<Integer> stored =
          database.read(
              handle ->
                  handle.createQuery("SELECT n FROM items ORDER BY n").mapTo(Integer.class).list());
      assertThat(stored).isEqualTo(acknowledged);
      assertThat(stored).hasSize(133).noneMatch(n -> n % 3 == 0);
    }
  }
}
