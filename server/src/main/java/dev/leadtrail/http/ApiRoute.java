package dev.leadtrail.http;

import dev.leadtrail.value.RateClass;
import io.javalin.http.HandlerType;
import java.util.Objects;

/**
 * One operation, e.g. POST {@code ProspectActivity.svc/CustomActivity/Update}, served under {@code
 * /v2/} and, when {@code atRoot}, also at {@code /} (LeadSquared serves {@code File/Upload} on a
 * host of its own, at the root). {@code maxBodyBytes} is the largest body the operation takes, or
 * {@link #SERVER_LIMIT} for the server's own limit.
 */
public record ApiRoute<C>(
    HandlerType method,
    String path,
    boolean atRoot,
    BodyPolicy body,
    long maxBodyBytes,
    RateClass rateClass,
    ApiHandler<C> handler) {

  public static final long SERVER_LIMIT = 0;

  /** What a multipart body may carry besides its file: the part headers and the form fields. */
  static final long MULTIPART_OVERHEAD_BYTES = 64 * 1024;

  public ApiRoute {
    Objects.requireNonNull(method);
    Objects.requireNonNull(path);
    Objects.requireNonNull(body);
    Objects.requireNonNull(rateClass);
    Objects.requireNonNull(handler);
    if (path.startsWith("/") || !(atRoot || path.contains(".svc/"))) {
      throw new IllegalArgumentException("expected Service.svc/Operation, got " + path);
    }
    if (maxBodyBytes < 0) {
      throw new IllegalArgumentException("a negative body limit");
    }
  }

  public static <C> ApiRoute<C> get(String path, ApiHandler<C> handler) {
    return of(HandlerType.GET, path, BodyPolicy.NONE, RateClass.STANDARD, handler);
  }

  public static <C> ApiRoute<C> read(String path, ApiHandler<C> handler) {
    return of(HandlerType.POST, path, BodyPolicy.OPTIONAL, RateClass.STANDARD, handler);
  }

  public static <C> ApiRoute<C> write(String path, ApiHandler<C> handler) {
    return of(HandlerType.POST, path, BodyPolicy.REQUIRED, RateClass.STANDARD, handler);
  }

  public static <C> ApiRoute<C> bulkWrite(String path, ApiHandler<C> handler) {
    return of(HandlerType.POST, path, BodyPolicy.REQUIRED, RateClass.BULK, handler);
  }

  /**
   * A multipart upload of one file of at most {@code maxFileBytes}, served at the root and under
   * {@code /v2/}.
   */
  public static <C> ApiRoute<C> upload(String path, long maxFileBytes, ApiHandler<C> handler) {
    return new ApiRoute<>(
        HandlerType.POST,
        path,
        true,
        BodyPolicy.MULTIPART,
        maxFileBytes + MULTIPART_OVERHEAD_BYTES,
        RateClass.STANDARD,
        handler);
  }

  /** A GET that answers a file, served at the root and under {@code /v2/}. */
  public static <C> ApiRoute<C> download(String path, ApiHandler<C> handler) {
    return new ApiRoute<>(
        HandlerType.GET, path, true, BodyPolicy.NONE, SERVER_LIMIT, RateClass.STANDARD, handler);
  }

  private static <C> ApiRoute<C> of(
      HandlerType method,
      String path,
      BodyPolicy body,
      RateClass rateClass,
      ApiHandler<C> handler) {
    return new ApiRoute<>(method, path, false, body, SERVER_LIMIT, rateClass, handler);
  }
}
