package dev.leadtrail.http;

import dev.leadtrail.auth.Authenticator;
import dev.leadtrail.config.LeadtrailConfig;
import dev.leadtrail.error.ApiNotFoundException;
import dev.leadtrail.ratelimit.RateLimiter;
import dev.leadtrail.management.HealthBody;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API's HTTP server: Javalin on Jetty, one dispatcher for {@code /v2/}, one error mapper, the
 * health checks. It stops gracefully: no new connections, then the requests in flight finish
 * (within the shutdown timeout), then Jetty stops.
 */
public final class HttpServer {

  private static final List<HandlerType> METHODS =
      List.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

  private static final Logger log = LoggerFactory.getLogger(HttpServer.class);

  private final Javalin javalin;
  private final InFlight inFlight;
  private final Duration shutdownTimeout;

  private HttpServer(Javalin javalin, InFlight inFlight, Duration shutdownTimeout) {
    this.javalin = javalin;
    this.inFlight = inFlight;
    this.shutdownTimeout = shutdownTimeout;
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
    var inFlight = new InFlight();
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
              app.requestLogger.http(
                  (ctx, millis) -> {
                    inFlight.finished();
                    accessLog.log(ctx, millis);
                    requestMetrics.record(ctx, millis);
                  });
              app.routes.before(
                  ctx -> {
                    inFlight.started();
                    if (inFlight.isDraining()) {
                      ctx.header("Connection", "close");
                    }
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
    return new HttpServer(javalin, inFlight, config.shutdownTimeout());
  }

  private static void health(Context ctx, boolean up) {
    ctx.status(up ? 200 : 503)
        .contentType("application/json")
        .result(up ? HealthBody.UP : HealthBody.DOWN);
  }

  public int port() {
    return javalin.port();
  }

  /**
   * Stops taking connections, lets the requests in flight finish (bounded by the shutdown
   * timeout), then stops Jetty.
   */
  public void stop() {
    inFlight.drain();
    for (Connector connector : javalin.jettyServer().server().getConnectors()) {
      if (connector instanceof NetworkConnector network) {
        network.close();
      }
    }
    if (!inFlight.awaitNone(shutdownTimeout)) {
      log.warn(
          "Stopping with {} request(s) still in flight after {} s",
          inFlight.count(),
          shutdownTimeout.toSeconds());
    }
    javalin.stop();
  }

  private static String newRequestId() {
    return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
  }
}
