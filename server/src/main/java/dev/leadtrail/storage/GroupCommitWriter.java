package dev.leadtrail.storage;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * SQLite's single writer, shared by every thread: write transactions queue here and one thread runs
 * them on the one write connection, as many as are waiting (up to {@link #MAX_BATCH}) in one
 * transaction, so that one commit and one fsync serve them all. Each runs in a savepoint of its
 * own: one that fails is rolled back alone and its caller gets its failure, while its batch-mates
 * still commit. Every caller is answered only after its batch has committed, so a success is
 * durable. Thread-safe.
 */
final class GroupCommitWriter implements AutoCloseable {

  static final int MAX_BATCH = 64;
  private static final String SAVEPOINT = "item";

  private record Job<T>(HandleCallback<T, ?> work, CompletableFuture<T> result) {

    /** Runs the work in a savepoint of its own; a failure is rolled back alone and kept. */
    void run(Handle handle, List<Runnable> answers) throws SQLException {
      Connection connection = handle.getConnection();
      Savepoint savepoint = connection.setSavepoint(SAVEPOINT);
      try {
        T value = work.withHandle(handle);
        connection.releaseSavepoint(savepoint);
        answers.add(() -> result.complete(value));
      } catch (Exception | Error failure) {
        connection.rollback(savepoint);
        connection.releaseSavepoint(savepoint);
        answers.add(() -> result.completeExceptionally(failure));
      }
    }
  }

  private static final Job<Void> STOP = new Job<>(handle -> null, new CompletableFuture<>());

  private final Jdbi writer;
  private final BlockingQueue<Job<?>> queue = new LinkedBlockingQueue<>();
  private final DistributionSummary writesPerCommit;
  private final Thread thread;

  GroupCommitWriter(Jdbi writer, MeterRegistry metrics) {
    this.writer = writer;
    Gauge.builder("leadtrail.sqlite.writes.waiting", queue, BlockingQueue::size)
        .description("Writes waiting for the SQLite writer")
        .register(metrics);
    this.writesPerCommit =
        DistributionSummary.builder("leadtrail.sqlite.commit.writes")
            .description("Writes stored by each SQLite commit")
            .register(metrics);
    this.thread = Thread.ofPlatform().name("leadtrail-writer").daemon().start(this::loop);
  }

  /** Runs {@code work} in the next batch; returns once that batch has committed. */
  @SuppressWarnings("unchecked")
  <T, X extends Exception> T write(HandleCallback<T, X> work) throws X {
    var job = new Job<T>(work, new CompletableFuture<>());
    queue.add(job);
    try {
      return job.result().join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw (X) cause;
    }
  }

  private void loop() {
    List<Job<?>> batch = new ArrayList<>(MAX_BATCH);
    while (true) {
      batch.clear();
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      queue.drainTo(batch, MAX_BATCH - 1);
      boolean stop = batch.remove(STOP);
      if (!batch.isEmpty()) {
        commit(batch);
      }
      if (stop) {
        return;
      }
    }
  }

  private void commit(List<Job<?>> batch) {
    List<Runnable> answers = new ArrayList<>(batch.size());
    try (Handle handle = writer.open()) {
      handle.begin();
      for (Job<?> job : batch) {
        job.run(handle, answers);
      }
      handle.commit();
      writesPerCommit.record(batch.size());
    } catch (SQLException | RuntimeException | Error failure) {
      // The commit itself failed: nothing of the batch is stored, so no caller may hear otherwise.
      batch.forEach(job -> job.result().completeExceptionally(failure));
      return;
    }
    answers.forEach(Runnable::run);
  }

  /** Lets the queued writes finish, then stops the writer thread. */
  @Override
  public void close() {
    queue.add(STOP);
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
