package dev.leadtrail.jobs;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Waits between tries that grow: the first, then {@code factor} times the one before, never more
 * than the longest, each give or take 10% so that jobs failed together do not retry together.
 */
public record Backoff(Duration first, double factor, Duration longest) {

  /** The wait after the {@code n}th try (from 1). */
  public Duration after(int n) {
    double wait =
        Math.min(longest.toMillis(), first.toMillis() * Math.pow(factor, Math.min(n - 1, 60)));
    double jitter = 0.9 + ThreadLocalRandom.current().nextDouble() * 0.2;
    return Duration.ofMillis((long) (wait * jitter));
  }
}
