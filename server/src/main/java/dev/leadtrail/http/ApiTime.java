package dev.leadtrail.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Date-times on the wire: UTC, {@code yyyy-MM-dd HH:mm:ss} (contract section 1). */
public final class ApiTime {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private ApiTime() {}

  public static String format(Instant instant) {
    return FORMAT.format(instant);
  }
}
