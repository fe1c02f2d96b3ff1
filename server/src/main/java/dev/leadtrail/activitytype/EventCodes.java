package dev.leadtrail.activitytype;

import dev.leadtrail.error.Echo;
import dev.leadtrail.error.ErrorType;
import dev.leadtrail.error.RuleViolationException;
import java.util.regex.Pattern;

/** Reads an event code sent by a client; anything but a whole number is an invalid activity. */
public final class EventCodes {

  /** ASCII digits only: Java's parsers would take other scripts' digits too. */
  private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?[0-9]{1,10}");

  private EventCodes() {}

  public static int parse(String text) {
    if (text == null || text.isBlank()) {
      throw new RuleViolationException(
          ErrorType.INVALID_ACTIVITY, "Event Code is invalid or empty.");
    }
    String code = text.strip();
    try {
      if (WHOLE_NUMBER.matcher(code).matches()) {
        return Integer.parseInt(code);
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new RuleViolationException(
        ErrorType.INVALID_ACTIVITY, "Event Code is invalid or empty: " + Echo.quoted(code) + ".");
  }
}
