package dev.leadtrail.http;

import dev.leadtrail.auth.Authenticator;
import dev.leadtrail.config.LeadtrailConfig;
import dev.leadtrail.error.ApiNotFoundException;
import dev.leadtrail.management.HealthBody;
import dev.leadtrail.ratelimit.RateLimiter;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * The API's HTTP server: Javalin on Jetty, one dispatcher for {@code /v2/}, one error mapper, the
 * health checks. It stops gracefully (Jetty's GracefulHandler): no new connections, then every
 * request in flight finishes and its answer is written, within the shutdown timeout.
 */
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
      RateLimiter rateLimiter,
      BooleanSupplier ready,
      MeterRegistry metrics) {
    var json = new Json();
    var routes = new RouteTable(endpoints.stream().flatMap(e -> e.routes().stream()).toList());
    var dispatcher =
        new ApiDispatcher(routes, authenticator, rateLimiter, json, config.maxBodyBytes());
    var errors = new ErrorMapper(json, config.maxBodyBytes());
    var accessLog = new AccessLog();
    var requestMetrics = new RequestMetrics(metrics);
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
              app.jetty.modifyServer(
                  jetty -> {
                    jetty.setErrorHandler(new JettyErrorHandler(json));
                    // Javalin puts its own handler inside this one.
                    jetty.setHandler(new GracefulHandler());
                    jetty.setStopTimeout(config.shutdownTimeout().toMillis());
                  });
              app.requestLogger.http(
                  (ctx, millis) -> {
                    accessLog.log(ctx, millis);
                    requestMetrics.record(ctx, millis);
                  });
              app.routes.before(
                  ctx -> {
                    String requestId = newRequestId();
                    RequestAttributes.requestId(ctx, requestId);
                    ctx.header(RequestAttributes.REQUEST_ID_HEADER, requestId);
                  });
              app.routes.get("/health/live", ctx -> health(ctx, true));
              app.routes.get("/health/ready", ctx -> health(ctx, ready.getAsBoolean()));
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

  private static void health(Context ctx, boolean up) {
    ctx.status(up ? 200 : 503)
        .contentType("application/json")
        .result(up ? HealthBody.UP : HealthBody.DOWN);
  }

  public int port() {
    return javalin.port();
  }

  /** Stops taking connections and waits for the requests in flight, then stops Jetty. */
  public void stop() {
    javalin.stop();
  }

  private static String newRequestId() {
    return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
  }
}
