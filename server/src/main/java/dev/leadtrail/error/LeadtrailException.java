package dev.leadtrail.error;

import java.util.Objects;

/**
 * The root of every failure that Leadtrail answers on purpose. Its message is safe to show to the
 * caller: it names the offending parameter and never carries SQL, paths or secrets. The HTTP status
 * of each subtype is decided in one place, {@code http.ErrorMapper}.
 */
public abstract sealed class LeadtrailException extends RuntimeException
    permits MalformedRequestException,
        PayloadTooLargeException,
        AuthenticationException,
        ApiNotFoundException,
        RateLimitedException,
        RuleViolationException {

  private final ErrorType type;

  LeadtrailException(ErrorType type, String message) {
    super(Objects.requireNonNull(message), null, false, false);
    this.type = Objects.requireNonNull(type);
  }

  public ErrorType type() {
    return type;
  }
}
