package dev.leadtrail.outbound;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The file name a fetched body suggests: its Content-Disposition's, else its URL's last segment.
 */
final class SuggestedName {

  private static final Pattern EXTENDED =
      Pattern.compile("filename\\*\\s*=\\s*UTF-8''([^;]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern PLAIN =
      Pattern.compile("filename\\s*=\\s*\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);

  private SuggestedName() {}

  static String of(String contentDisposition, URI uri) {
    if (contentDisposition != null) {
      Matcher extended = EXTENDED.matcher(contentDisposition);
      if (extended.find()) {
        return decoded(extended.group(1));
      }
      Matcher plain = PLAIN.matcher(contentDisposition);
      if (plain.find()) {
        return plain.group(1);
      }
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    return decoded(path.substring(path.lastIndexOf('/') + 1));
  }

  private static String decoded(String text) {
    try {
      return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }
}
