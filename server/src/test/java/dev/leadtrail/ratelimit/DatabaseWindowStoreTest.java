package dev.leadtrail.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadtrail.storage.Database;
import dev.leadtrail.testing.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** PostgreSQL's shared budgets: counted exactly under concurrency, restored with the window. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseWindowStoreTest {

  private TestDatabase postgres;
  private Database database;
  private DatabaseWindowStore store;

  @BeforeAll
  void open() {
    postgres = TestDatabase.postgres();
    database = Database.open(postgres.config(), new SimpleMeterRegistry());
    database.migrate();
    store = new DatabaseWindowStore(database.dataSource());
  }

  @AfterAll
  void close() throws Exception {
    database.close();
    postgres.close();
  }

  @Test
  void concurrentCalls_spendExactlyTheBudget() throws Exception {
    RateLimit limit = RateLimit.of(25, 60);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Duration>> calls = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      calls.add(pool.submit(() -> store.trySpend("concurrent", limit)));
    }
    int spent = 0;
    for (Future<Duration> call : calls) {
      spent += call.get().isZero() ? 1 : 0;
    }
    pool.shutdown();

    assertThat(spent).isEqualTo(25);
  }

  @Test
  void aSpentBudget_answersTheWaitAndIsWholeAgainAfterIt() throws Exception {
    RateLimit limit = RateLimit.of(2, 1);
    Duration wait = Duration.ZERO;
    for (int i = 0; i < 10 && wait.isZero(); i++) {
      wait = store.trySpend("window", limit);
    }
    assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1));

    Thread.sleep(wait.toMillis() + 50);

    assertThat(store.trySpend("window", limit)).isZero();
    assertThat(store.trySpend("other", limit)).as("budgets are apart").isZero();
  }
}
