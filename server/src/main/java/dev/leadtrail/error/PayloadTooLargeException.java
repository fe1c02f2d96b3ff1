package dev.leadtrail.error;

/** The request body is larger than the configured limit. */
public final class PayloadTooLargeException extends LeadtrailException {

  private final long limitBytes;

  public PayloadTooLargeException(long limitBytes) {
    super(
        ErrorType.INVALID_INPUT,
        "Request body is larger than the limit of " + limitBytes + " bytes.");
    this.limitBytes = limitBytes;
  }

  public long limitBytes() {
    return limitBytes;
  }
}
