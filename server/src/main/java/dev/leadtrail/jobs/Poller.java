package dev.leadtrail.jobs;

import dev.leadtrail.error.FailureSummary;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A thread of its own that runs rounds of work kept in the store (file fetches, webhook
 * deliveries): a round that found something to do is followed at once by the next; one that found
 * nothing waits for {@link #wake()} or the poll interval. A failed round is logged and the next
 * runs as usual. Thread-safe.
 */
public final class Poller implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Poller.class);
  private static final Duration JOIN = Duration.ofSeconds(5);

  private final String what;
  private final Duration interval;
  private final IntSupplier round;
  private final Semaphore wakeUp = new Semaphore(0);
  private final Thread thread;
  private volatile boolean closed;

  private Poller(String name, String what, Duration interval, IntSupplier round) {
    this.what = what;
    this.interval = interval;
    this.round = round;
    this.thread = Thread.ofPlatform().name(name).daemon().unstarted(this::loop);
  }

  /**
   * Starts thread {@code name} running {@code round}, which answers how much it did; {@code what}
   * names the work in the log line of a failed round.
   */
  public static Poller start(String name, String what, Duration interval, IntSupplier round) {
    var poller = new Poller(name, what, interval, round);
    poller.thread.start();
    return poller;
  }

  /** Something may be due now: the next round runs without waiting for the interval. */
  public void wake() {
    if (wakeUp.availablePermits() == 0) {
      wakeUp.release();
    }
  }

  private void loop() {
    while (!closed) {
      int done = 0;
      try {
        done = round.getAsInt();
      } catch (RuntimeException e) {
        log.warn("{}: {}", what, FailureSummary.describe(e));
      }
      if (done == 0) {
        try {
          wakeUp.tryAcquire(interval.toMillis(), TimeUnit.MILLISECONDS);
          wakeUp.drainPermits();
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  /** Stops after the round in progress, waiting for it a few seconds at most. */
  @Override
  public void close() {
    closed = true;
    thread.interrupt();
    try {
      thread.join(JOIN.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
