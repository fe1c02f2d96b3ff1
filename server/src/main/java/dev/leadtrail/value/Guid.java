package dev.leadtrail.value;

import dev.leadtrail.error.RuleViolationException;
import java.util.Locale;
import java.util.UUID;

/** GUID strings as LeadSquared writes them: 8-4-4-4-12 hex digits, stored lower-case. */
public final class Guid {

  private static final int LENGTH = 36;

  private Guid() {}

  // Checked by hand rather than by a regular expression: every id read from the store passes here,
  // several per call, and the matcher was a visible share of an update's CPU.
  /**
   * The GUID a client sent as {@code parameter}, trimmed; when it is missing or not a GUID, an
   * invalid-input error naming the parameter with {@code detail}.
   */
  public static String parse(String text, String parameter, String detail) {
    if (text == null || !isGuid(text.strip())) {
      throw RuleViolationException.invalidInput(parameter, detail);
    }
    return text.strip();
  }

  public static boolean isGuid(String text) {
    if (text == null || text.length() != LENGTH) {
      return false;
    }
    for (int i = 0; i < LENGTH; i++) {
      char c = text.charAt(i);
      boolean dashHere = i == 8 || i == 13 || i == 18 || i == 23;
      if (dashHere ? c != '-' : !isHexDigit(c)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isHexDigit(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /** The canonical (lower-case) spelling; the caller has checked {@link #isGuid}. */
  public static String canonical(String text) {
    if (!isGuid(text)) {
      throw new IllegalArgumentException("not a GUID");
    }
    return text.toLowerCase(Locale.ROOT);
  }

  public static String random() {
    return UUID.randomUUID().toString();
  }
}
