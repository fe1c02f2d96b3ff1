package dev.leadtrail.value;

import java.time.Duration;
import java.util.Objects;

/** At most {@code calls} calls in every {@code window}. */
public record RateLimit(int calls, Duration window) {

  public RateLimit {
    Objects.requireNonNull(window);
    if (calls < 1) {
      throw new IllegalArgumentException("calls must be at least 1: " + calls);
    }
    if (window.toSeconds() < 1) {
      throw new IllegalArgumentException("window must be at least one second: " + window);
    }
  }

  public static RateLimit of(int calls, int windowSeconds) {
    return new RateLimit(calls, Duration.ofSeconds(windowSeconds));
  }
}
