package dev.leadtrail.http;

import dev.leadtrail.auth.Caller;
import io.javalin.http.Context;

/**
 * What the server learns about a request along the way, for the error mapper and the access log.
 */
final class RequestAttributes {

  static final String REQUEST_ID_HEADER = "X-Request-Id";
  private static final String REQUEST_ID = "leadtrail.requestId";
  private static final String CALLER = "leadtrail.caller";

  private RequestAttributes() {}

  static void requestId(Context ctx, String requestId) {
    ctx.attribute(REQUEST_ID, requestId);
  }

  static String requestId(Context ctx) {
    String id = ctx.attribute(REQUEST_ID);
    return id == null ? "-" : id;
  }

  static void caller(Context ctx, Caller caller) {
    ctx.attribute(CALLER, caller);
  }

  static String orgId(Context ctx) {
    Caller caller = ctx.attribute(CALLER);
    return caller == null ? "-" : caller.orgId().value();
  }
}
