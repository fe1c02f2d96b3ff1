package dev.leadtrail.logging;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps credentials out of log lines. A query parameter's value is hidden when its name, decoded as
 * a server decodes it ({@code %73ecretKey} is {@code secretKey}) and folded by Unicode's case rules
 * ({@code ſecretKey}, with a long s, folds to {@code secretkey}), names a secret: it holds {@code
 * key}, {@code secret}, {@code password}, {@code token} or {@code signature}. That is wider than
 * what authenticates (ASCII names only, see {@code http.ApiCall}), so a key sent under a near miss
 * of its name is hidden too. Stateless and thread-safe.
 */
public final class Redaction {

  static final String HIDDEN = "***";

  private static final List<String> SECRET_WORDS =
      List.of("key", "secret", "password", "token", "signature");

  /** A name=value pair after a query's start or separator, as it may stand in any text. */
  private static final Pattern PAIR =
      Pattern.compile("([?&;])([^=&;#\\s\"'<>]*)=([^&;#\\s\"'<>]*)");

  private Redaction() {}

  /** Any text, such as a log message quoting a URI, with the secrets of its queries hidden. */
  public static String redactText(String text) {
    if (text == null || text.indexOf('=') < 0) {
      return text;
    }
    Matcher pair = PAIR.matcher(text);
    if (!pair.find()) {
      return text;
    }
    var redacted = new StringBuilder(text.length());
    int copied = 0;
    do {
      if (isSecretName(pair.group(2))) {
        redacted.append(text, copied, pair.start(3)).append(HIDDEN);
        copied = pair.end(3);
      }
    } while (pair.find());
    return redacted.append(text, copied, text.length()).toString();
  }

  static boolean isSecretName(String rawName) {
    String folded = decoded(rawName).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    for (String word : SECRET_WORDS) {
      if (folded.contains(word)) {
        return true;
      }
    }
    return false;
  }

  private static String decoded(String name) {
    try {
      return URLDecoder.decode(name, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      // A malformed escape: a server decodes what it can, so look at the name both ways.
      return name + " " + name.replaceAll("%[0-9A-Fa-f]{2}", "");
    }
  }
}
