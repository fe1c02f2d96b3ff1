package dev.leadtrail.http;

import dev.leadtrail.error.Echo;
import dev.leadtrail.error.RuleViolationException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/** Date-times on the wire: UTC, {@code yyyy-MM-dd HH:mm:ss} (contract section 1). */
public final class ApiTime {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private static final DateTimeFormatter PARSE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);

  private ApiTime() {}

  /** Parses a request's date-time, in the years 1 to 9999; null when absent or blank. */
  public static Instant parse(String text, String parameter) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      LocalDateTime time = LocalDateTime.parse(text.strip(), PARSE);
      if (time.getYear() >= 1 && time.getYear() <= 9999) {
        return time.toInstant(ZoneOffset.UTC);
      }
    } catch (DateTimeParseException e) {
      // answered below
    }
    throw RuleViolationException.invalidInput(
        parameter,
        Echo.quoted(text)
            + " is not a UTC date-time of the form yyyy-MM-dd HH:mm:ss in the years 1 to 9999.");
  }

  public static String format(Instant instant) {
    return FORMAT.format(instant);
  }
}
