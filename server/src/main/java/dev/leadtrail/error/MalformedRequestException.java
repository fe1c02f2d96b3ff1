package dev.leadtrail.error;

/**
 * The request is not what the call takes: not JSON, the wrong JSON shape, or the wrong content
 * type.
 */
public final class MalformedRequestException extends LeadtrailException {

  public MalformedRequestException(String message) {
    super(ErrorType.INVALID_INPUT, message);
  }
}
