package dev.leadtrail.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadtrail.error.MalformedRequestException;
import dev.leadtrail.error.PayloadTooLargeException;
import dev.leadtrail.error.RateLimitedException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;

/**
 * Serves everything under {@code /v2/}, and the operations served at the root: finds the operation,
 * takes the body (already loaded by {@link RequestIntake}'s chain), authenticates the caller,
 * spends one call of the organisation's budget (after authentication, so that bad keys cannot drain
 * it) within its cap of calls in flight, parses the body, then hands over to the operation.
 * Thread-safe.
 */
final class ApiDispatcher<C> {

  static final String BASE = "/v2/";
  private static final long DRAIN_LIMIT_BYTES = 64L * 1024 * 1024;

  private final RouteTable<C> routes;
  private final CallGate<C> gate;
  private final ConcurrencyCap<String> callsInFlight;
  private final Json json;
  private final int maxBodyBytes;
  private final UploadMemory uploadMemory;
  private final String publicUrl;

  ApiDispatcher(
      RouteTable<C> routes,
      CallGate<C> gate,
      ConcurrencyCap<String> callsInFlight,
      Json json,
      int maxBodyBytes,
      String publicUrl) {
    this.routes = routes;
    this.gate = gate;
    this.callsInFlight = callsInFlight;
    this.json = json;
    this.maxBodyBytes = maxBodyBytes;
    this.uploadMemory = new UploadMemory(routes.largestUpload(), UploadMemory.WAIT);
    this.publicUrl = publicUrl;
  }

  void handle(Context ctx) {
    boolean underBase = ctx.path().regionMatches(true, 0, BASE, 0, BASE.length());
    ApiRoute<C> route =
        routes.resolve(
            ctx.method(), ctx.path().substring(underBase ? BASE.length() : 1), !underBase);
    RequestMetrics.operation(ctx, route);
    if (route.body() == BodyPolicy.MULTIPART) {
      upload(ctx, route);
      return;
    }
    // Whole before anything is spent on it: a body that failed to arrive costs no hash and no call.
    dispatch(ctx, route, route.body() == BodyPolicy.NONE ? null : readBounded(ctx, limitOf(route)));
  }

  /**
   * An upload takes room in {@link UploadMemory} before its body is read; one declared over the
   * limit is refused (and read away) without taking any.
   */
  private void upload(Context ctx, ApiRoute<C> route) {
    long limit = limitOf(route);
    long declared = ctx.req().getContentLengthLong();
    if (declared > limit) {
      readBounded(ctx, limit);
    }
    long room = declared > 0 ? declared : limit;
    if (!uploadMemory.tryTake(room)) {
      throw RateLimitedException.uploadsInFlight();
    }
    try {
      dispatch(ctx, route, readBounded(ctx, limit));
    } finally {
      uploadMemory.release(room);
    }
  }

  /** Serves a route whose body (if it takes one) has arrived whole. */
  private void dispatch(Context ctx, ApiRoute<C> route, byte[] body) {
    MultipartForm form =
        route.body() == BodyPolicy.MULTIPART ? MultipartForm.parse(ctx.contentType(), body) : null;
    C caller = gate.authenticate(credentials(ctx, form));
    String orgId = gate.organisationId(caller);
    RequestAttributes.orgId(ctx, orgId);
    if (!callsInFlight.tryTake(orgId)) {
      throw RateLimitedException.inFlight(callsInFlight.cap());
    }
    try {
      gate.spend(caller, route.rateClass());
      JsonNode parsed = form == null ? parsed(ctx, route.body(), body) : json.emptyObject();
      route.handler().handle(new ApiCall<>(ctx, json, caller, parsed, form, publicUrl));
    } finally {
      callsInFlight.release(orgId);
    }
  }

  private long limitOf(ApiRoute<C> route) {
    return route.maxBodyBytes() == ApiRoute.SERVER_LIMIT ? maxBodyBytes : route.maxBodyBytes();
  }

  /**
   * Each key from the query when it is there (names ignoring case), else from its header, else (in
   * an upload) from its form field.
   */
  private static Credentials credentials(Context ctx, MultipartForm form) {
    return new Credentials(
        key(ctx, form, "accessKey", "x-LSQ-AccessKey"),
        key(ctx, form, "secretKey", "x-LSQ-SecretKey"));
  }

  private static String key(Context ctx, MultipartForm form, String name, String header) {
    return ApiCall.queryParameter(ctx, name)
        .or(() -> Optional.ofNullable(ctx.header(header)))
        .or(() -> form == null ? Optional.empty() : form.field(name))
        .orElse(null);
  }

  private JsonNode parsed(Context ctx, BodyPolicy policy, byte[] bytes) {
    if (policy == BodyPolicy.NONE) {
      return json.emptyObject();
    }
    if (isBlank(bytes)) {
      if (policy == BodyPolicy.REQUIRED) {
        throw new MalformedRequestException(
            "The request body is empty; this call takes a JSON body.");
      }
      return json.emptyObject();
    }
    requireJsonContentType(ctx);
    return json.parse(bytes);
  }

  /**
   * The body, refused when it is over the limit. A refused body is still read to its end (up to
   * {@link #DRAIN_LIMIT_BYTES}) and thrown away: a client that is still sending would otherwise see
   * its connection reset instead of reading the answer.
   */
  private byte[] readBounded(Context ctx, long limit) {
    long declared = ctx.req().getContentLengthLong();
    try (InputStream in = ctx.req().getInputStream()) {
      if (declared > limit) {
        if (declared <= DRAIN_LIMIT_BYTES) {
          drain(in);
        }
        throw new PayloadTooLargeException(limit);
      }
      byte[] bytes = in.readNBytes((int) limit + 1);
      if (bytes.length > limit) {
        drain(in);
        throw new PayloadTooLargeException(limit);
      }
      return bytes;
    } catch (IOException e) {
      // The client's fault (it stopped, sent too slowly, or broke the chunked encoding): answered
      // and logged as a bad request, and the connection is not kept.
      ctx.header("Connection", "close");
      throw new MalformedRequestException(unreadable(e));
    }
  }

  private static String unreadable(IOException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof RequestIntake.ReadTooSlowException slow) {
        return slow.getMessage();
      }
    }
    return "The request body could not be read whole.";
  }

  /** Reads and discards what is left of the body, at most {@link #DRAIN_LIMIT_BYTES}. */
  private static void drain(InputStream in) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long left = DRAIN_LIMIT_BYTES;
    int read;
    while (left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
      left -= read;
    }
  }

  private static void requireJsonContentType(Context ctx) {
    String contentType = ctx.contentType();
    String mediaType =
        contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!mediaType.equals("application/json")) {
      throw new MalformedRequestException(
          "The request body must be sent as Content-Type application/json"
              + (contentType == null ? "." : ", not " + mediaType + "."));
    }
  }

  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return false;
      }
    }
    return true;
  }
}
