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
        FileNotFoundException,
        RateLimitedException,
        RuleViolationException,
        InternalFailureException {

  private final ErrorType type;

  /** Messages are cut here as a last guard; values are quoted through {@link Echo}. */
  private static final int MAX_MESSAGE_LENGTH = 1_000;

  LeadtrailException(ErrorType type, String message) {
    super(bounded(Objects.requireNonNull(message)), null, false, false);
    this.type = Objects.requireNonNull(type);
  }

  private static String bounded(String message) {
    return message.length() <= MAX_MESSAGE_LENGTH
        ? message
        : message.substring(0, MAX_MESSAGE_LENGTH) + "...";
  }

  public ErrorType type() {
    return type;
  }
}
