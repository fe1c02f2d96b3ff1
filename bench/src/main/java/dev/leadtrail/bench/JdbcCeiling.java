package dev.leadtrail.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The database's own ceiling for the update: the same single-row UPDATE the server makes, in a
 * plain JDBC loop with nothing else around it, committed one by one or in batches.
 */
final class JdbcCeiling {

  private static final String UPDATE =
      "UPDATE activities SET note = ?, field_values = ?, modified_at = ?, modified_by = ?,"
          + " version = version + 1 WHERE org_id = ? AND id = ?";

  private JdbcCeiling() {}

  /** Updates per second with {@code threads} connections, each committing after every update. */
  static double perCommit(BenchStore store, int threads, int activities, Duration duration)
      throws InterruptedException {
    return run(store, threads, 1, activities, duration);
  }

  /** Updates per second with one connection committing every {@code batch} updates. */
  static double batched(BenchStore store, int batch, int activities, Duration duration)
      throws InterruptedException {
    return run(store, 1, batch, activities, duration);
  }

  private static double run(
      BenchStore store, int threads, int batch, int activities, Duration duration)
      throws InterruptedException {
    AtomicLong done = new AtomicLong();
    long deadline = System.nanoTime() + duration.toNanos();
    List<Thread> workers = new ArrayList<>();
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    for (int t = 0; t < threads; t++) {
      workers.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    try (Connection connection = store.connect();
                        PreparedStatement update = connection.prepareStatement(UPDATE)) {
                      connection.setAutoCommit(false);
                      long n = 0;
                      while (System.nanoTime() < deadline) {
                        for (int i = 0; i < batch; i++, n++) {
                          bind(update, n, activities);
                          if (batch == 1) {
                            update.executeUpdate();
                          } else {
                            update.addBatch();
                          }
                        }
                        if (batch > 1) {
                          update.executeBatch();
                        }
                        connection.commit();
                        done.addAndGet(batch);
                      }
                    } catch (SQLException | RuntimeException e) {
                      failures.add(e);
                    }
                  }));
    }
    for (Thread worker : workers) {
      worker.join();
    }
    if (!failures.isEmpty()) {
      throw new IllegalStateException("the JDBC loop failed", failures.getFirst());
    }
    return done.get() / (double) duration.toSeconds();
  }

  private static void bind(PreparedStatement update, long n, int activities) throws SQLException {
    String value = "jdbc-" + Thread.currentThread().threadId() + "-" + n;
    update.setString(1, "Note " + value);
    update.setString(2, "{\"mx_Custom_1\":\"" + value + "\",\"mx_Custom_4\":\"" + n + "\"}");
    update.setLong(3, System.currentTimeMillis());
    update.setString(4, BenchStore.USER.value());
    update.setString(5, BenchStore.ORG.value());
    update.setString(6, Wrk.activityId(ThreadLocalRandom.current().nextInt(activities)));
  }
}
