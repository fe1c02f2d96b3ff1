package dev.leadtrail.http;

import io.javalin.http.Context;

/**
 * What the server learns about a request along the way, for the error mapper and the access log.
 */
final class RequestAttributes {

  static final String REQUEST_ID_HEADER = "X-Request-Id";
  private static final String REQUEST_ID = "leadtrail.requestId";
  private static final String ORGANISATION = "leadtrail.organisation";

  private RequestAttributes() {}

  static void requestId(Context ctx, String requestId) {
    ctx.attribute(REQUEST_ID, requestId);
  }

  static String requestId(Context ctx) {
    String id = ctx.attribute(REQUEST_ID);
    return id == null ? "-" : id;
  }

  static void orgId(Context ctx, String orgId) {
    ctx.attribute(ORGANISATION, orgId);
  }

  static String orgId(Context ctx) {
    String orgId = ctx.attribute(ORGANISATION);
    return orgId == null ? "-" : orgId;
  }
}
