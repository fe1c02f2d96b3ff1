package dev.leadtrail.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadtrail.auth.Authenticator;
import dev.leadtrail.auth.Caller;
import dev.leadtrail.auth.Credentials;
import dev.leadtrail.error.MalformedRequestException;
import dev.leadtrail.error.PayloadTooLargeException;
import dev.leadtrail.ratelimit.RateLimiter;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Serves everything under {@code /v2/}: finds the operation, authenticates the caller, spends one
 * call of the organisation's budget (after authentication, so that bad keys cannot drain it), reads
 * the body, then hands over to the operation. Thread-safe.
 */
final class ApiDispatcher {

  static final String BASE = "/v2/";
  private static final long DRAIN_LIMIT_BYTES = 64L * 1024 * 1024;

  private final RouteTable routes;
  private final Authenticator authenticator;
  private final RateLimiter rateLimiter;
  private final Json json;
  private final int maxBodyBytes;

  ApiDispatcher(
      RouteTable routes,
      Authenticator authenticator,
      RateLimiter rateLimiter,
      Json json,
      int maxBodyBytes) {
    this.routes = routes;
    this.authenticator = authenticator;
    this.rateLimiter = rateLimiter;
    this.json = json;
    this.maxBodyBytes = maxBodyBytes;
  }

  void handle(Context ctx) {
    ApiRoute route = routes.resolve(ctx.method(), ctx.path().substring(BASE.length()));
    RequestMetrics.operation(ctx, route);
    Caller caller = authenticator.authenticate(credentials(ctx));
    RequestAttributes.caller(ctx, caller);
    rateLimiter.acquire(caller.organisation(), route.rateClass());
    JsonNode body = body(ctx, route.body());
    route.handler().handle(new ApiCall(ctx, json, caller, body));
  }

  /** Each key from the query when it is there (names ignoring case), else from its header. */
  private static Credentials credentials(Context ctx) {
    return new Credentials(
        ApiCall.queryParameter(ctx, "accessKey").orElseGet(() -> ctx.header("x-LSQ-AccessKey")),
        ApiCall.queryParameter(ctx, "secretKey").orElseGet(() -> ctx.header("x-LSQ-SecretKey")));
  }

  private JsonNode body(Context ctx, BodyPolicy policy) {
    if (policy == BodyPolicy.NONE) {
      return json.emptyObject();
    }
    byte[] bytes = readBounded(ctx);
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
  private byte[] readBounded(Context ctx) {
    long declared = ctx.req().getContentLengthLong();
    try (InputStream in = ctx.req().getInputStream()) {
      if (declared > maxBodyBytes) {
        if (declared <= DRAIN_LIMIT_BYTES) {
          drain(in);
        }
        throw new PayloadTooLargeException(maxBodyBytes);
      }
      byte[] bytes = in.readNBytes(maxBodyBytes + 1);
      if (bytes.length > maxBodyBytes) {
        drain(in);
        throw new PayloadTooLargeException(maxBodyBytes);
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException("the request body could not be read", e);
    }
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
