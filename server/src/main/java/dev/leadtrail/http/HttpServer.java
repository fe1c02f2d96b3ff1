package dev.leadtrail.http;

import dev.leadtrail.config.ConfigException;
import dev.leadtrail.config.LeadtrailConfig;
import dev.leadtrail.error.ApiNotFoundException;
import dev.leadtrail.tls.TlsKeys;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The API's HTTP server: Javalin on Jetty, one dispatcher for {@code /v2/}, one error mapper, the
 * health checks.
 *
 * <p>It stops in two steps, both within the shutdown timeout. First it drains: it takes no new
 * connections but still serves requests on open ones, each answer closing its connection, so that a
 * load balancer's next request goes to another instance instead of failing here. Then Jetty's
 * graceful stop waits for whatever is still in flight to be answered.
 */
public final class HttpServer {

  private static final List<HandlerType> METHODS =
      List.of(
          HandlerType.GET,
          HandlerType.POST,
          HandlerType.PUT,
          HandlerType.PATCH,
          HandlerType.DELETE,
          HandlerType.HEAD);

  private static final Duration DRAIN_POLL = Duration.ofMillis(20);

  /**
   * Room over the body limit while a body is loaded ahead of Javalin, which counts Jetty's framing
   * too; the dispatcher holds the body to the exact limit. A larger body goes on to the dispatcher
   * unloaded, which reads the rest away (within the read deadline) before answering 413: a client
   * still sending would otherwise see its connection reset instead of the answer.
   */
  private static final int BODY_SLACK_BYTES = 64 * 1024;

  private final Javalin javalin;
  private final AtomicBoolean draining;
  private final Duration shutdownTimeout;

  private HttpServer(Javalin javalin, AtomicBoolean draining, Duration shutdownTimeout) {
    this.javalin = javalin;
    this.draining = draining;
    this.shutdownTimeout = shutdownTimeout;
  }

  public static <C> HttpServer start(
      LeadtrailConfig.Server config,
      List<? extends ApiEndpoints<C>> endpoints,
      CallGate<C> gate,
      BooleanSupplier ready,
      MeterRegistry metrics) {
    var json = new Json();
    var routes = new RouteTable<>(endpoints.stream().flatMap(e -> e.routes().stream()).toList());
    var dispatcher =
        new ApiDispatcher<>(
            routes,
            gate,
            new ConcurrencyCap<>(config.clients().callsInFlightPerOrganisation()),
            json,
            config.maxBodyBytes(),
            config.publicUrl());
    var errors = new ErrorMapper(json, config.maxBodyBytes());
    var accessLog = new AccessLog();
    var requestMetrics = new RequestMetrics(metrics);
    var draining = new AtomicBoolean();
    SslContextFactory.Server tls = config.tls().enabled() ? tls(config.tls()) : null;
    Javalin javalin =
        Javalin.create(
            app -> {
              app.startup.showJavalinBanner = false;
              app.startup.showOldJavalinVersionWarning = false;
              app.http.maxRequestSize = config.maxBodyBytes();
              app.jetty.addConnector(
                  (jetty, http) -> {
                    ServerConnector connector;
                    if (tls == null) {
                      connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
                    } else {
                      var secure = new SecureRequestCustomizer();
                      secure.setSniHostCheck(false);
                      http.addCustomizer(secure);
                      connector =
                          new ServerConnector(
                              jetty,
                              new SslConnectionFactory(tls, HttpVersion.HTTP_1_1.asString()),
                              new HttpConnectionFactory(http));
                    }
                    connector.setHost(config.bind());
                    connector.setPort(config.port());
                    connector.addEventListener(
                        new ConnectionsPerAddress(config.clients().connectionsPerAddress()));
                    connector.addEventListener(
                        new SlowHeads(connector, config.clients().readTimeout()));
                    return connector;
                  });
              app.router.caseInsensitiveRoutes = true;
              app.router.ignoreTrailingSlashes = true;
              app.jetty.modifyServer(
                  jetty -> {
                    jetty.setErrorHandler(new JettyErrorHandler(json, config.maxBodyBytes()));
                    // Javalin puts its own handler inside the innermost one: it sees a request
                    // only once its whole body (up to the limit) has arrived, so a slow client
                    // holds no thread.
                    jetty.setHandler(
                        new GracefulHandler(
                            new RequestIntake(
                                config.clients(),
                                json,
                                accessLog,
                                new EagerContentHandler(
                                    new EagerContentHandler.RetainedContentLoaderFactory(
                                        config.maxBodyBytes() + BODY_SLACK_BYTES, -1, false)))));
                    jetty.setStopTimeout(config.shutdownTimeout().toMillis());
                  });
              app.requestLogger.http(
                  (ctx, millis) -> {
                    accessLog.log(ctx, millis);
                    requestMetrics.record(ctx, millis);
                  });
              app.routes.before(
                  ctx -> {
                    if (draining.get()) {
                      ctx.header("Connection", "close");
                    }
                    String requestId = newRequestId();
                    RequestAttributes.requestId(ctx, requestId);
                    ctx.header(RequestAttributes.REQUEST_ID_HEADER, requestId);
                  });
              app.routes.get("/health/live", ctx -> health(ctx, true));
              app.routes.get("/health/ready", ctx -> health(ctx, ready.getAsBoolean()));
              app.routes.head("/health/live", ctx -> health(ctx, true));
              app.routes.head("/health/ready", ctx -> health(ctx, ready.getAsBoolean()));
              for (HandlerType method : METHODS) {
                app.routes.addHttpHandler(method, ApiDispatcher.BASE + "*", dispatcher::handle);
              }
              for (ApiRoute<C> route : routes.atRoot()) {
                app.routes.addHttpHandler(route.method(), "/" + route.path(), dispatcher::handle);
              }
              app.routes.exception(Exception.class, errors::handle);
              app.routes.error(
                  404,
                  ctx ->
                      errors.handle(
                          new ApiNotFoundException(ctx.method().name(), ctx.path()), ctx));
            });
    try {
      javalin.start();
    } catch (RuntimeException e) {
      if (ConfigException.isAddressInUse(e)) {
        throw ConfigException.addressInUse("server.port", config.bind(), config.port());
      }
      throw e;
    }
    return new HttpServer(javalin, draining, config.shutdownTimeout());
  }

  /** Jetty's TLS, with the configured certificate and key; a client's SNI is not checked. */
  private static SslContextFactory.Server tls(LeadtrailConfig.Tls config) {
    TlsKeys.Material material = TlsKeys.load(config);
    var ssl = new SslContextFactory.Server();
    ssl.setKeyStore(material.keyStore());
    ssl.setKeyStorePassword(material.password());
    ssl.setKeyManagerPassword(material.password());
    return ssl;
  }

  private static void health(Context ctx, boolean up) {
    ctx.status(up ? 200 : 503)
        .contentType("application/json")
        .result(up ? HealthBody.UP : HealthBody.DOWN);
  }

  public int port() {
    return javalin.port();
  }

  /** Drains the open connections, then stops Jetty gracefully (see the class comment). */
  public void stop() {
    draining.set(true);
    Server jetty = javalin.jettyServer().server();
    long deadline = System.nanoTime() + shutdownTimeout.toNanos() / 2;
    for (Connector connector : jetty.getConnectors()) {
      if (connector instanceof NetworkConnector network) {
        network.close();
      }
    }
    while (System.nanoTime() < deadline && hasOpenConnections(jetty)) {
      LockSupport.parkNanos(DRAIN_POLL.toNanos());
    }
    javalin.stop();
  }

  private static boolean hasOpenConnections(Server jetty) {
    for (Connector connector : jetty.getConnectors()) {
      if (!connector.getConnectedEndPoints().isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private static String newRequestId() {
    return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
  }
}
