package dev.leadtrail.http;

import dev.leadtrail.error.ApiNotFoundException;
import io.javalin.http.HandlerType;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The operations, found by {@code Service.svc/Operation} ignoring case, as LeadSquared does ({@code
 * Leads.GetByEmailaddress} and {@code Leads.GetByEmailAddress} are both in use). Immutable.
 */
final class RouteTable<C> {

  private record Key(HandlerType method, String path) {}

  private final Map<Key, ApiRoute<C>> routes = new HashMap<>();

  RouteTable(List<ApiRoute<C>> all) {
    for (ApiRoute<C> route : all) {
      var key = new Key(route.method(), normalise(route.path()));
      if (routes.putIfAbsent(key, route) != null) {
        throw new IllegalArgumentException(
            "two operations at " + route.method() + " " + route.path());
      }
    }
  }

  /**
   * The operation at this path (under {@code /v2/} unless {@code atRoot}); a path that exists only
   * for another method is not found either.
   */
  ApiRoute<C> resolve(HandlerType method, String path, boolean atRoot) {
    ApiRoute<C> route = routes.get(new Key(method, normalise(path)));
    if (route == null || (atRoot && !route.atRoot())) {
      throw new ApiNotFoundException(method.name(), (atRoot ? "/" : "/v2/") + path);
    }
    return route;
  }

  /** The largest body a multipart route takes; 0 when none does. */
  long largestUpload() {
    return routes.values().stream()
        .filter(route -> route.body() == BodyPolicy.MULTIPART)
        .mapToLong(ApiRoute::maxBodyBytes)
        .max()
        .orElse(0);
  }

  /** The operations served at the root as well as under {@code /v2/}. */
  List<ApiRoute<C>> atRoot() {
    return routes.values().stream().filter(ApiRoute::atRoot).toList();
  }

  private static String normalise(String path) {
    String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    return trimmed.toLowerCase(Locale.ROOT);
  }
}
