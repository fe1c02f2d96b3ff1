package dev.leadtrail.outbound;

/**
 * Why an outbound request failed, told in words a client may read: the host, never an internal
 * detail of the server.
 */
public final class OutboundFailure extends Exception {

  /** What went wrong, for metrics and for whether trying again may help. */
  public enum Reason {
    BAD_URL(false),
    REFUSED_ADDRESS(false),
    TOO_LARGE(false),
    TOO_MANY_REDIRECTS(false),
    UNREACHABLE(true),
    TIMED_OUT(true),
    HTTP_STATUS(true);

    private final boolean transient_;

    Reason(boolean transient_) {
      this.transient_ = transient_;
    }

    /** Whether a later try may succeed. */
    public boolean isTransient() {
      return transient_;
    }
  }

  private final Reason reason;

  OutboundFailure(Reason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
