package dev.leadtrail.http;

import dev.leadtrail.logging.Redaction;
import io.javalin.http.Context;
import java.util.Locale;
import org.eclipse.jetty.server.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request: method, path and query with the secrets' values hidden ({@link Redaction}),
 * status, duration, organisation and request id. Headers are never logged.
 */
final class AccessLog {

  private static final Logger log = LoggerFactory.getLogger("leadtrail.access");

  void log(Context ctx, float millis) {
    if (log.isInfoEnabled()) {
      line(
          ctx.method().name(),
          ctx.path(),
          ctx.queryString(),
          ctx.statusCode(),
          millis,
          RequestAttributes.orgId(ctx),
          RequestAttributes.requestId(ctx));
    }
  }

  /** A request answered before Javalin saw it (refused at the door). */
  void logRefused(Request request, int status, long millis) {
    if (log.isInfoEnabled()) {
      line(
          request.getMethod(),
          request.getHttpURI().getPath(),
          request.getHttpURI().getQuery(),
          status,
          millis,
          "-",
          "-");
    }
  }

  private static void line(
      String method,
      String path,
      String query,
      int status,
      float millis,
      String orgId,
      String requestId) {
    log.info(
        "{} {} {} {}ms org={} request={}",
        method,
        Redaction.redactText(path + (query == null || query.isEmpty() ? "" : "?" + query)),
        status,
        String.format(Locale.ROOT, "%.1f", millis),
        orgId,
        requestId);
  }
}
