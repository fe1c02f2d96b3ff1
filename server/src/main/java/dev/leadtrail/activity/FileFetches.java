package dev.leadtrail.activity;

import dev.leadtrail.config.LeadtrailConfig;
import dev.leadtrail.error.FailureSummary;
import dev.leadtrail.error.LeadtrailException;
import dev.leadtrail.file.FileService;
import dev.leadtrail.file.FileService.PreparedFile;
import dev.leadtrail.jobs.Backoff;
import dev.leadtrail.jobs.Poller;
import dev.leadtrail.outbound.OutboundFailure;
import dev.leadtrail.storage.Database;
import dev.leadtrail.user.UserId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fetches of URLs that File fields name with {@code ProcessFilesAsync} (contract section 8):
 * each is a row committed in the same transaction as the write that named it, so a committed write
 * always has its fetch and a rolled-back one never does. Every instance runs them: a fetch is
 * claimed for a lease (on PostgreSQL skipping rows another instance holds), so each runs once at a
 * time, and one whose instance died runs again when its lease runs out. A failed try is tried again
 * after {@code files.fetch-first-retry-seconds}, each wait three times the one before, with jitter;
 * after {@code files.fetch-tries} tries the fetch stays, failed, for {@code GetActivityDetails} to
 * show. On SQLite the claims go through the one writer like every write; an idle poll is one read.
 * Thread-safe.
 */
public final class FileFetches implements AutoCloseable {

  /** The system's id in the change history, for the change that puts a fetched file in place. */
  static final UserId SYSTEM = new UserId("00000000-0000-0000-0000-000000000000");

  /** The system's name, as a custom field set's {@code ModifiedByName} shows it. */
  static final String SYSTEM_NAME = "System";

  private static final Logger log = LoggerFactory.getLogger(FileFetches.class);
  private static final Duration POLL = Duration.ofSeconds(1);
  private static final Duration LONGEST_WAIT = Duration.ofDays(1);
  private static final int AT_ONCE = 8;
  private static final Duration LEASE_MARGIN = Duration.ofSeconds(10);

  private final Database database;
  private final FileFetchRepository fetches;
  private final FileService files;
  private final Clock clock;
  private final int tries;
  private final Backoff backoff;
  private final Duration lease;
  private final Counter stored;
  private final Counter failed;
  private final Semaphore slots = new Semaphore(AT_ONCE);
  private final ExecutorService runs = Executors.newVirtualThreadPerTaskExecutor();
  private volatile Poller poller;

  private FileFetches(
      Database database,
      FileService files,
      Clock clock,
      LeadtrailConfig.Files config,
      Duration lease,
      MeterRegistry metrics) {
    this.database = database;
    this.fetches = new FileFetchRepository(database);
    this.files = files;
    this.clock = clock;
    this.tries = config.fetchTries();
    this.backoff = new Backoff(config.firstRetry(), 3, LONGEST_WAIT);
    this.lease = lease;
    this.stored =
        Counter.builder("leadtrail.files.fetches")
            .tag("outcome", "stored")
            .description("Asynchronous file fetches, by outcome")
            .register(metrics);
    this.failed =
        Counter.builder("leadtrail.files.fetches")
            .tag("outcome", "failed")
            .description("Asynchronous file fetches, by outcome")
            .register(metrics);
  }

  /** The fetch queue, not running yet; a fetch's lease outlasts the longest outbound request. */
  public static FileFetches create(
      Database database,
      FileService files,
      Clock clock,
      LeadtrailConfig config,
      MeterRegistry metrics) {
    Duration lease = config.outbound().timeout().plus(LEASE_MARGIN);
    return new FileFetches(database, files, clock, config.files(), lease, metrics);
  }

  /** Within the write that named the URLs: one fetch each. */
  void addAll(Activity activity, List<FileFields.PendingFetch> pending, UserId by) {
    Instant now = clock.instant();
    pending.forEach(fetch -> fetches.add(activity, fetch, by, now));
  }

  /** Within the write that stored a fetch's file, or found it no longer wanted: it is done. */
  void done(FileFetchRepository.Row row) {
    fetches.remove(row.id());
  }

  /** After a write that added fetches has committed: look for them now rather than at the poll. */
  void wake() {
    Poller running = poller;
    if (running != null) {
      running.wake();
    }
  }

  List<FileFetchRepository.Row> ofActivity(TypedActivity typed) {
    var activity = typed.activity();
    return database.read(() -> fetches.ofActivity(activity.orgId(), activity.id()));
  }

  /**
   * Starts running due fetches; {@code apply} stores a fetched file in its field and removes the
   * fetch, in one write.
   */
  void start(BiConsumer<FileFetchRepository.Row, PreparedFile> apply) {
    poller =
        Poller.start(
            "leadtrail-file-fetches",
            "File fetches could not be claimed",
            POLL,
            () -> claimAndRun(apply));
  }

  private int claimAndRun(BiConsumer<FileFetchRepository.Row, PreparedFile> apply) {
    int free = slots.availablePermits();
    Instant now = clock.instant();
    if (free == 0 || !database.read(() -> fetches.anyDue(now))) {
      return 0;
    }
    List<FileFetchRepository.Row> rows =
        database.write(() -> fetches.claim(now, now.plus(lease), free));
    for (FileFetchRepository.Row row : rows) {
      slots.acquireUninterruptibly();
      runs.execute(
          () -> {
            try {
              run(row, apply);
            } finally {
              slots.release();
            }
          });
    }
    return rows.size();
  }

  private void run(
      FileFetchRepository.Row row, BiConsumer<FileFetchRepository.Row, PreparedFile> apply) {
    PreparedFile file;
    try {
      file =
          files.fetchOrFail(
              row.orgId(), row.requestedBy(), row.url(), row.eventCode(), row.target());
    } catch (OutboundFailure e) {
      triedAndFailed(row, e.getMessage(), e.reason().isTransient());
      return;
    } catch (LeadtrailException e) {
      triedAndFailed(row, e.getMessage(), false);
      return;
    }
    try {
      apply.accept(row, file);
      stored.increment();
    } catch (RuntimeException e) {
      files.discard(file);
      // Left claimed: it runs again when its lease runs out.
      log.warn(
          "A fetched file for activity {} could not be stored: {}",
          row.activityId().value(),
          FailureSummary.describe(e));
    }
  }

  private void triedAndFailed(FileFetchRepository.Row row, String why, boolean mayRetry) {
    if (mayRetry && row.tries() < tries) {
      Instant at = clock.instant().plus(backoff.after(row.tries()));
      database.write(
          () -> {
            fetches.retryLater(row.id(), at, why);
            return null;
          });
      return;
    }
    database.write(
        () -> {
          fetches.fail(row.id(), why);
          return null;
        });
    failed.increment();
    log.warn(
        "The file for field {} of activity {} could not be fetched after {} tries: {}",
        row.target(),
        row.activityId().value(),
        row.tries(),
        why);
  }

  @Override
  public void close() {
    if (poller != null) {
      poller.close();
    }
    runs.shutdownNow();
  }
}
