package dev.leadtrail.error;

import java.time.Duration;

/** The organisation has used its calls for the current window. */
public final class RateLimitedException extends LeadtrailException {

  private final Duration retryAfter;

  public RateLimitedException(int calls, Duration window, Duration retryAfter) {
    this(
        "API calls exceeded the limit of " + calls + " in " + window.toSeconds() + " second(s)",
        retryAfter);
  }

  private RateLimitedException(String message, Duration retryAfter) {
    super(ErrorType.RATE_LIMIT_EXCEEDED, message);
    this.retryAfter = retryAfter;
  }

  /** The organisation has as many calls in flight as it may have at once. */
  public static RateLimitedException inFlight(int cap) {
    return new RateLimitedException(
        "API calls exceeded the limit of "
            + cap
            + " in flight at once; send the next when one has been answered",
        Duration.ofSeconds(1));
  }

  /** Uploads in flight on this server hold all the memory they may; this one did not get room. */
  public static RateLimitedException uploadsInFlight() {
    return new RateLimitedException(
        "Too many uploads are in flight on this server; send the file again shortly",
        Duration.ofSeconds(1));
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
