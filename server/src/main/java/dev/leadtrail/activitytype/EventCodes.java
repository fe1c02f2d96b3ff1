package dev.leadtrail.activitytype;

import dev.leadtrail.error.Echo;
import dev.leadtrail.error.ErrorType;
import dev.leadtrail.error.RuleViolationException;

/** Reads an event code sent by a client; anything but a whole number is an invalid activity. */
public final class EventCodes {

  private EventCodes() {}

  public static int parse(String text) {
    if (text == null || text.isBlank()) {
      throw new RuleViolationException(
          ErrorType.INVALID_ACTIVITY, "Event Code is invalid or empty.");
    }
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new RuleViolationException(
          ErrorType.INVALID_ACTIVITY,
          "Event Code is invalid or empty: " + Echo.quoted(text.strip()) + ".");
    }
  }
}
