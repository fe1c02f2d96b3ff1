package dev.leadtrail.error;

/** No API at this path, or none that takes this method. */
public final class ApiNotFoundException extends LeadtrailException {

  public ApiNotFoundException(String method, String path) {
    super(
        ErrorType.NOT_FOUND,
        "No API answers " + method + " " + path + ". Please check the API signature.");
  }
}
