package dev.leadtrail.value;

/**
 * Text that every store keeps exactly as sent. NUL is refused by PostgreSQL and kept by SQLite, and
 * a lone UTF-16 surrogate (half of a character) is stored as {@code ?}: neither is text a client
 * can mean, so both are refused at the edge and the two stores answer alike.
 */
public final class StorableText {

  private StorableText() {}

  public static boolean isStorable(CharSequence text) {
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c == '\0') {
        return false;
      }
      if (Character.isSurrogate(c)) {
        boolean paired =
            Character.isHighSurrogate(c)
                && i + 1 < length
                && Character.isLowSurrogate(text.charAt(i + 1));
        if (!paired) {
          return false;
        }
        i++;
      }
    }
    return true;
  }
}
