package dev.leadtrail.error;

/**
 * Stands for an unexpected failure where one answer must carry it among others (an item of a bulk
 * update): the failure itself is logged where it happened, and the client sees only this.
 */
public final class InternalFailureException extends LeadtrailException {

  public InternalFailureException(String message) {
    super(ErrorType.INTERNAL, message);
  }
}
