package dev.leadtrail.error;

/**
 * No stored file of this name in the caller's organisation (another organisation's file is told the
 * same way): a download answers 404, as a plain HTTP client expects of a missing file.
 */
public final class FileNotFoundException extends LeadtrailException {

  public FileNotFoundException(String name) {
    super(ErrorType.NOT_FOUND, "No file named " + Echo.quoted(name) + " is stored.");
  }
}
