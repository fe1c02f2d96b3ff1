package dev.leadtrail.value;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** GUID strings as LeadSquared writes them: 8-4-4-4-12 hex digits, stored lower-case. */
public final class Guid {

  private static final Pattern SHAPE =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private Guid() {}

  public static boolean isGuid(String text) {
    return text != null && SHAPE.matcher(text).matches();
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
