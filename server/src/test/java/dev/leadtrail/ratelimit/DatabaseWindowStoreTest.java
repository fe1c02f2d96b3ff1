package dev.leadtrail.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadtrail.storage.Database;
import dev.leadtrail.testing.Eventually;
import dev.leadtrail.testing.TestDatabase;
import dev.leadtrail.value.RateLimit;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * PostgreSQL's shared budgets: counted exactly under concurrency, across instances and in batches,
 * and restored with the window.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseWindowStoreTest {

  private TestDatabase postgres;
  private Database database;
  private SimpleMeterRegistry metrics;
  private DatabaseWindowStore store;

  @BeforeAll
  void open() {
    postgres = TestDatabase.postgres();
    database = Database.open(postgres.config(), new SimpleMeterRegistry());
    database.migrate();
    metrics = new SimpleMeterRegistry();
    store = new DatabaseWindowStore(database.sharedCallWindows().orElseThrow(), metrics);
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

    List<Future<Duration>> calls = start(pool, 40, i -> store, "concurrent", limit);

    assertThat(spentBy(calls)).isEqualTo(25);
    pool.shutdown();
  }

  @Test
  void twoInstances_spendExactlyTheBudgetBetweenThem() throws Exception {
    var otherInstance =
        new DatabaseWindowStore(
            database.sharedCallWindows().orElseThrow(), new SimpleMeterRegistry());
    RateLimit limit = RateLimit.of(25, 60);
    ExecutorService pool = Executors.newFixedThreadPool(16);

    List<Future<Duration>> calls =
        start(pool, 60, i -> i % 2 == 0 ? store : otherInstance, "shared", limit);

    assertThat(spentBy(calls)).isEqualTo(25);
    pool.shutdown();
  }

  @Test
  void callsArrivingWhileACountIsInFlight_areCountedTogetherByTheNext() throws Exception {
    RateLimit limit = RateLimit.of(20, 60);
    assertThat(store.trySpend("held", limit)).isZero();
    DistributionSummary counted = metrics.get("leadtrail.ratelimit.shared.calls.counted").summary();
    long countsBefore = counted.count();
    ExecutorService pool = Executors.newFixedThreadPool(30);
    List<Future<Duration>> calls;
    try (Connection holder = database.dataSource().getConnection()) {
      holder.setAutoCommit(false);
      try (Statement lock = holder.createStatement()) {
        lock.execute("SELECT calls FROM rate_limit_windows WHERE budget = 'held' FOR UPDATE");
      }
      calls = start(pool, 30, i -> store, "held", limit);
      Eventually.await(
          "29 calls to wait behind the one whose count is held",
          Duration.ofSeconds(10),
          () -> metrics.get("leadtrail.ratelimit.shared.calls.waiting").gauge().value() == 29);
      holder.commit();
    }

    assertThat(spentBy(calls)).as("the budget's 19 calls left").isEqualTo(19);
    assertThat(counted.count() - countsBefore).as("statements").isEqualTo(2);
    assertThat(counted.max()).isEqualTo(29);
    pool.shutdown();
  }

  @Test
  void aSpentBudget_answersTheWaitAndIsWholeAgainAfterIt() throws Exception {
    RateLimit limit = RateLimit.of(2, 1);
    Duration wait = Duration.ZERO;
    for (int i = 0; i < 10 && wait.isZero(); i++) {
      wait = store.trySpend("window", limit);
    }
    assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(store.trySpend("other", limit))
        .as("another budget is whole while this one is spent")
        .isZero();

    Thread.sleep(wait.toMillis() + 50);

    assertThat(store.trySpend("window", limit)).isZero();
  }

  /**
   * Starts {@code count} spends of the budget {@code key}, the i-th on {@code instance.apply(i)}.
   */
  private static List<Future<Duration>> start(
      ExecutorService pool,
      int count,
      IntFunction<BucketStore> instance,
      String key,
      RateLimit limit) {
    List<Future<Duration>> calls = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      BucketStore store = instance.apply(i);
      calls.add(pool.submit(() -> store.trySpend(key, limit)));
    }
    return calls;
  }

  private static int spentBy(List<Future<Duration>> calls) throws Exception {
    int spent = 0;
    for (Future<Duration> call : calls) {
      spent += call.get().isZero() ? 1 : 0;
    }
    return spent;
  }
}
