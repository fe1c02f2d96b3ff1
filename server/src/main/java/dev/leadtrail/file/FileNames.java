package dev.leadtrail.file;

import dev.leadtrail.error.RuleViolationException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The names of files: the ones Leadtrail gives (random, with the client's extension, so that no
 * name a client sends is ever part of a path) and the ones clients send, which are kept for display
 * only.
 */
public final class FileNames {

  static final int MAX_CLIENT_NAME_LENGTH = 255;

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern STORED = Pattern.compile("[0-9a-f]{32}(\\.[a-z0-9]{1,10})?");
  private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]{1,10}");

  private FileNames() {}

  /** A new stored name, keeping the extension of {@code clientName} when it is a plain one. */
  static String generate(String clientName) {
    byte[] random = new byte[16];
    RANDOM.nextBytes(random);
    String name = HexFormat.of().formatHex(random);
    int dot = clientName.lastIndexOf('.');
    if (dot >= 0) {
      String extension = clientName.substring(dot + 1).toLowerCase(Locale.ROOT);
      if (EXTENSION.matcher(extension).matches()) {
        return name + "." + extension;
      }
    }
    return name;
  }

  /** Whether {@code name} is of the shape that {@link #generate} gives. */
  public static boolean isStoredName(String name) {
    return STORED.matcher(name).matches();
  }

  /**
   * A name a fetched file suggested, made safe to show: what it cannot hold is replaced, and a name
   * that is left empty becomes {@code file}.
   */
  static String cleanedClientName(String suggested) {
    var cleaned = new StringBuilder();
    suggested
        .strip()
        .codePoints()
        .limit(MAX_CLIENT_NAME_LENGTH)
        .forEach(
            c ->
                cleaned.appendCodePoint(
                    c == '/' || c == '\\' || Character.isISOControl(c) ? '_' : c));
    String name = cleaned.toString();
    return name.chars().allMatch(c -> c == '.') ? "file" : name;
  }

  /**
   * The client's file name, checked: a name is a name, never a path, so one that holds a slash, a
   * backslash or a control character, is longer than {@value #MAX_CLIENT_NAME_LENGTH} characters,
   * or is only dots, is refused rather than quietly changed.
   */
  static String checkedClientName(String parameter, String sent) {
    String name = sent.strip();
    String problem = null;
    if (name.isEmpty()) {
      problem = "The file has no name.";
    } else if (name.length() > MAX_CLIENT_NAME_LENGTH) {
      problem = "The file name is longer than " + MAX_CLIENT_NAME_LENGTH + " characters.";
    } else if (name.chars().anyMatch(c -> c == '/' || c == '\\' || Character.isISOControl(c))) {
      problem = "The file name must not hold a slash, a backslash or a control character.";
    } else if (name.chars().allMatch(c -> c == '.')) {
      problem = "The file name must not be only dots.";
    }
    if (problem != null) {
      throw RuleViolationException.invalidInput(parameter, problem);
    }
    return name;
  }
}
