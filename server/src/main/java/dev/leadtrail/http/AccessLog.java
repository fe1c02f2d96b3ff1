package dev.leadtrail.http;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request: method, path and query with the keys' values redacted, status, duration,
 * organisation and request id. Headers are never logged.
 */
final class AccessLog {

  private static final Logger log = LoggerFactory.getLogger("leadtrail.access");
  private static final Set<String> SECRET_PARAMETERS = Set.of("accesskey", "secretkey");

  void log(Context ctx, float millis) {
    if (!log.isInfoEnabled()) {
      return;
    }
    log.info(
        "{} {} {} {}ms org={} request={}",
        ctx.method().name(),
        ctx.path() + redactedQuery(ctx.queryString()),
        ctx.statusCode(),
        String.format(Locale.ROOT, "%.1f", millis),
        RequestAttributes.orgId(ctx),
        RequestAttributes.requestId(ctx));
  }

  static String redactedQuery(String query) {
    if (query == null || query.isEmpty()) {
      return "";
    }
    var redacted = new StringBuilder("?");
    for (String pair : query.split("&", -1)) {
      if (redacted.length() > 1) {
        redacted.append('&');
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      boolean secret = SECRET_PARAMETERS.contains(name.toLowerCase(Locale.ROOT));
      redacted.append(secret ? name + "=***" : pair);
    }
    return redacted.toString();
  }
}
