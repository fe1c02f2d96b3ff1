package dev.leadtrail.error;

/** The kinds of failure a client can see, each with the exception type name LeadSquared sends. */
public enum ErrorType {
  INVALID_INPUT("MXInvalidInputException"),
  MANDATORY_ATTRIBUTE_MISSING("MXMandatoryAttributeMissingException"),
  UNKNOWN_ATTRIBUTE("MXUnknownAttributeException"),
  INVALID_ACTIVITY("MXInvalidActivityException"),
  UNKNOWN_PROSPECT_ACTIVITY("MXUnknownProspectActivityException"),
  INVALID_ENTITY("MXInvalidEntityException"),
  DUPLICATE_ENTRY("MXDuplicateEntryException"),
  RATE_LIMIT_EXCEEDED("MXAPIRateLimitExceededException"),
  INVALID_ACCESS_DETAILS("MXInvalidAccessDetailsException"),
  UNAUTHORIZED_ACCESS("MXUnAuthorizedAccessException"),
  NOT_FOUND("MXNotFoundException"),
  INTERNAL("MXInternalServerErrorException");

  private final String wireName;

  ErrorType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
