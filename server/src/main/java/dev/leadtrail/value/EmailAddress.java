package dev.leadtrail.value;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An email address as Leadtrail keeps it: trimmed, with the domain lower-cased (the local part is
 * the mailbox owner's to spell). Two addresses are the same when they match ignoring case.
 */
public record EmailAddress(String value) {

  private static final int MAX_LENGTH = 254;
  private static final Pattern SHAPE =
      Pattern.compile(
          "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
              + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");

  public EmailAddress {
    if (!SHAPE.matcher(value).matches() || value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("not an email address");
    }
  }

  public static Optional<EmailAddress> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String trimmed = text.strip();
    if (trimmed.length() > MAX_LENGTH || !SHAPE.matcher(trimmed).matches()) {
      return Optional.empty();
    }
    int at = trimmed.lastIndexOf('@');
    return Optional.of(
        new EmailAddress(
            trimmed.substring(0, at + 1) + trimmed.substring(at + 1).toLowerCase(Locale.ROOT)));
  }

  /** The form two addresses are compared in. */
  public String key() {
    return value.toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return value;
  }
}
