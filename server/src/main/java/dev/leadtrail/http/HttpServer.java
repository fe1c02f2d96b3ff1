package dev.leadtrail.http;

import dev.leadtrail.auth.Authenticator;
import dev.leadtrail.config.LeadtrailConfig;
import dev.leadtrail.error.ApiNotFoundException;
import dev.leadtrail.ratelimit.RateLimiter;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** The API's HTTP server: Javalin on Jetty, one dispatcher for {@code /v2/}, one error mapper. */
public final class HttpServer {

  private static final List<HandlerType> METHODS =
      List.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

  private final Javalin javalin;

  private HttpServer(Javalin javalin) {
    this.javalin = javalin;
  }

  public static HttpServer start(
      LeadtrailConfig.Server config,
      List<ApiEndpoints> endpoints,
      Authenticator authenticator,
      RateLimiter rateLimiter) {
    var json = new Json();
    var routes = new RouteTable(endpoints.stream().flatMap(e -> e.routes().stream()).toList());
    var dispatcher =
        new ApiDispatcher(routes, authenticator, rateLimiter, json, config.maxBodyBytes());
    var errors = new ErrorMapper(json, config.maxBodyBytes());
    var accessLog = new AccessLog();
    Javalin javalin =
        Javalin.create(
            app -> {
              app.startup.showJavalinBanner = false;
              app.startup.showOldJavalinVersionWarning = false;
              app.jetty.host = config.bind();
              app.jetty.port = config.port();
              app.http.maxRequestSize = config.maxBodyBytes();
              app.router.caseInsensitiveRoutes = true;
              app.router.ignoreTrailingSlashes = true;
              app.jetty.modifyServer(jetty -> jetty.setErrorHandler(new JettyErrorHandler(json)));
              app.requestLogger.http(accessLog::log);
              app.routes.before(
                  ctx -> {
                    String requestId = newRequestId();
                    RequestAttributes.requestId(ctx, requestId);
                    ctx.header(RequestAttributes.REQUEST_ID_HEADER, requestId);
                  });
              for (HandlerType method : METHODS) {
                app.routes.addHttpHandler(method, ApiDispatcher.BASE + "*", dispatcher::handle);
              }
              app.routes.exception(Exception.class, errors::handle);
              app.routes.error(
                  404,
                  ctx ->
                      errors.handle(new ApiNotFoundException(ctx.method().name(), ctx.path()), ctx));
            });
    javalin.start();
    return new HttpServer(javalin);
  }

  public int port() {
    return javalin.port();
  }

  public void stop() {
    javalin.stop();
  }

  private static String newRequestId() {
    return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
  }
}
