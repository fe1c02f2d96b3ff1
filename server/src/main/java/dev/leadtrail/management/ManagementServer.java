package dev.leadtrail.management;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.leadtrail.config.ConfigException;
import dev.leadtrail.config.LeadtrailConfig;
import dev.leadtrail.http.HealthBody;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * {@code /metrics} and the health checks on a port of their own, so that the metrics are not
 * exposed with the API. The JDK's small HTTP server is enough for a scrape every few seconds.
 */
public final class ManagementServer implements AutoCloseable {

  private static final String JSON = "application/json";

  private final HttpServer server;

  private ManagementServer(HttpServer server) {
    this.server = server;
  }

  public static ManagementServer start(
      LeadtrailConfig.Management config, Metrics metrics, BooleanSupplier ready) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(config.bind(), config.port()), 16);
    } catch (IOException e) {
      if (ConfigException.isAddressInUse(e)) {
        throw ConfigException.addressInUse("management.port", config.bind(), config.port());
      }
      throw new UncheckedIOException(
          "the management port " + config.bind() + ":" + config.port() + " cannot be opened", e);
    }
    server.createContext(
        "/metrics",
        exchange -> answer(exchange, 200, "text/plain; version=0.0.4", metrics.scrape()));
    server.createContext("/health/live", exchange -> answer(exchange, 200, JSON, HealthBody.UP));
    server.createContext(
        "/health/ready",
        exchange -> {
          boolean isReady = ready.getAsBoolean();
          answer(exchange, isReady ? 200 : 503, JSON, isReady ? HealthBody.UP : HealthBody.DOWN);
        });
    server.setExecutor(Executors.newSingleThreadExecutor(ManagementServer::thread));
    server.start();
    return new ManagementServer(server);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private static void answer(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("GET")) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private static Thread thread(Runnable task) {
    Thread thread = new Thread(task, "leadtrail-management");
    thread.setDaemon(true);
    return thread;
  }
}
