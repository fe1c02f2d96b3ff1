package dev.leadtrail.error;

/**
 * A well-formed request that breaks a rule of the domain: an unknown entity, a bad field value, a
 * missing mandatory value. LeadSquared answers these with HTTP 500 and an MX body.
 */
public final class RuleViolationException extends LeadtrailException {

  public RuleViolationException(ErrorType type, String message) {
    super(type, message);
  }

  /** The contract's wording for a parameter that is missing, malformed or out of range. */
  public static RuleViolationException invalidInput(String parameter, String detail) {
    return new RuleViolationException(
        ErrorType.INVALID_INPUT, "Invalid Input! Parameter Name: " + parameter + ". " + detail);
  }
}
