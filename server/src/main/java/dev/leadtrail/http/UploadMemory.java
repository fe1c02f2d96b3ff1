package dev.leadtrail.http;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The memory that upload bodies may hold at once: an upload is read whole into memory (and parsed
 * there), so without a bound a few large uploads at once would exhaust the heap. An upload takes
 * room for its declared length (or the route's limit when it declares none) before its body is
 * read, waits a while for room, and gives it back when it has been answered. Thread-safe.
 */
final class UploadMemory {

  static final long HEADROOM_BYTES = 16L * 1024 * 1024;
  static final Duration WAIT = Duration.ofSeconds(10);

  private final Semaphore kibibytes;
  private final Duration wait;

  /** Room for the largest upload a route takes, and for smaller ones beside it. */
  UploadMemory(long largestBodyBytes, Duration wait) {
    this.kibibytes = new Semaphore(units(largestBodyBytes + HEADROOM_BYTES));
    this.wait = wait;
  }

  /** Takes room for {@code bytes}; false when none frees up within the wait. */
  boolean tryTake(long bytes) {
    try {
      return kibibytes.tryAcquire(units(bytes), wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  void release(long bytes) {
    kibibytes.release(units(bytes));
  }

  private static int units(long bytes) {
    return (int) Math.min(Integer.MAX_VALUE, (bytes + 1023) / 1024);
  }
}
