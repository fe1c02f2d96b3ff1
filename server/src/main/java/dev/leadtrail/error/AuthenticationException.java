package dev.leadtrail.error;

/** Missing, wrong, revoked or deactivated keys. The message never says which, on purpose. */
public final class AuthenticationException extends LeadtrailException {

  public AuthenticationException() {
    super(ErrorType.INVALID_ACCESS_DETAILS, "Invalid Access Details provided.");
  }
}
