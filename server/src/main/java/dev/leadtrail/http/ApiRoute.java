package dev.leadtrail.http;

import dev.leadtrail.value.RateClass;
import io.javalin.http.HandlerType;
import java.util.Objects;

/**
 * One operation under {@code /v2/}, e.g. POST {@code ProspectActivity.svc/CustomActivity/Update}.
 */
public record ApiRoute<C>(
    HandlerType method, String path, BodyPolicy body, RateClass rateClass, ApiHandler<C> handler) {

  public ApiRoute {
    Objects.requireNonNull(method);
    Objects.requireNonNull(path);
    Objects.requireNonNull(body);
    Objects.requireNonNull(rateClass);
    Objects.requireNonNull(handler);
    if (path.startsWith("/") || !path.contains(".svc/")) {
      throw new IllegalArgumentException("expected Service.svc/Operation, got " + path);
    }
  }

  public static <C> ApiRoute<C> get(String path, ApiHandler<C> handler) {
    return new ApiRoute<>(HandlerType.GET, path, BodyPolicy.NONE, RateClass.STANDARD, handler);
  }

  public static <C> ApiRoute<C> read(String path, ApiHandler<C> handler) {
    return new ApiRoute<>(HandlerType.POST, path, BodyPolicy.OPTIONAL, RateClass.STANDARD, handler);
  }

  public static <C> ApiRoute<C> write(String path, ApiHandler<C> handler) {
    return new ApiRoute<>(HandlerType.POST, path, BodyPolicy.REQUIRED, RateClass.STANDARD, handler);
  }

  public static <C> ApiRoute<C> bulkWrite(String path, ApiHandler<C> handler) {
    return new ApiRoute<>(HandlerType.POST, path, BodyPolicy.REQUIRED, RateClass.BULK, handler);
  }
}
