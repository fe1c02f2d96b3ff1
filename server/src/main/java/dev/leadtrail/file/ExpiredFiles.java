package dev.leadtrail.file;

import dev.leadtrail.error.FailureSummary;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes temporary files ({@code FileStorageType} 1) some time after they expire; until then an
 * expired file is already answered as missing. Every instance sweeps; deleting twice is harmless.
 */
public final class ExpiredFiles implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ExpiredFiles.class);
  private static final Duration EVERY = Duration.ofMinutes(10);
  private static final int BATCH = 200;

  private final ScheduledExecutorService sweeper;

  private ExpiredFiles(ScheduledExecutorService sweeper) {
    this.sweeper = sweeper;
  }

  public static ExpiredFiles start(FileService files) {
    ScheduledExecutorService sweeper =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("leadtrail-expired-files").daemon().factory());
    sweeper.scheduleWithFixedDelay(
        () -> sweep(files), EVERY.toMinutes(), EVERY.toMinutes(), TimeUnit.MINUTES);
    return new ExpiredFiles(sweeper);
  }

  private static void sweep(FileService files) {
    try {
      int deleted;
      do {
        deleted = files.deleteExpired(BATCH);
      } while (deleted == BATCH);
    } catch (RuntimeException e) {
      log.warn("Expired files could not be deleted: {}", FailureSummary.describe(e));
    }
  }

  @Override
  public void close() {
    sweeper.shutdownNow();
  }
}
