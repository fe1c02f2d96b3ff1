package dev.leadtrail.error;

/**
 * A client's value quoted back in an error message, cut short: the message should say which value
 * was refused, not carry a megabyte of it back.
 */
public final class Echo {

  static final int MAX_CHARACTERS = 60;

  private Echo() {}

  public static String quoted(String value) {
    if (value.length() <= MAX_CHARACTERS) {
      return "'" + value + "'";
    }
    int end = MAX_CHARACTERS;
    if (Character.isHighSurrogate(value.charAt(end - 1))) {
      end--;
    }
    return "'" + value.substring(0, end) + "...' (" + value.length() + " characters)";
  }
}
