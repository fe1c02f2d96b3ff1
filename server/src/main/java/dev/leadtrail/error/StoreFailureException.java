package dev.leadtrail.error;

/**
 * The store failed (it is away, full, or refused a statement for a reason no client caused). It
 * carries no SQL and no values: only the chain of failure types and codes the store reported, for
 * the log, and the original failure as its cause.
 */
public final class StoreFailureException extends RuntimeException {

  private final String codes;

  public StoreFailureException(String codes, Throwable cause) {
    super("the store failed: " + codes, cause, false, true);
    this.codes = codes;
  }

  /** The store's failure types with their SQL states or error codes, outermost first. */
  public String codes() {
    return codes;
  }
}
