package dev.leadtrail.error;

import java.time.Duration;

/** The organisation has used its calls for the current window. */
public final class RateLimitedException extends LeadtrailException {

  private final Duration retryAfter;

  public RateLimitedException(int calls, Duration window, Duration retryAfter) {
    super(
        ErrorType.RATE_LIMIT_EXCEEDED,
        "API calls exceeded the limit of " + calls + " in " + window.toSeconds() + " second(s)");
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
