package dev.leadtrail.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver on loopback that records every request it gets. It answers 200, unless told to
 * fail the next requests with a status ({@link #fail}), to stay silent for a while before answering
 * ({@link #hang}), or to fail every request ({@link #down}).
 */
public final class WebhookReceiver implements AutoCloseable {

  /** A request as received: headers by lower-case name. */
  public record Received(
      String method, String path, String query, Map<String, List<String>> headers, String body) {

    public String header(String name) {
      List<String> values = headers.get(name.toLowerCase());
      return values == null ? null : values.getFirst();
    }
  }

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private final AtomicInteger hangsLeft = new AtomicInteger();
  private volatile int failStatus = 500;
  private volatile Duration hangFor = Duration.ZERO;
  private volatile boolean down;

  private WebhookReceiver(HttpServer server) {
    this.server = server;
  }

  public static WebhookReceiver start() {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var receiver = new WebhookReceiver(server);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext(
        "/",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          Map<String, List<String>> headers = new TreeMap<>();
          exchange
              .getRequestHeaders()
              .forEach((name, values) -> headers.put(name.toLowerCase(), List.copyOf(values)));
          receiver.received.add(
              new Received(
                  exchange.getRequestMethod(),
                  exchange.getRequestURI().getPath(),
                  exchange.getRequestURI().getRawQuery(),
                  headers,
                  new String(body, StandardCharsets.UTF_8)));
          if (receiver.hangsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            try {
              Thread.sleep(receiver.hangFor);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          boolean fails =
              receiver.down || receiver.failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
          exchange.sendResponseHeaders(fails ? receiver.failStatus : 200, -1);
          exchange.close();
        });
    server.start();
    return receiver;
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** The next {@code count} requests are answered {@code status}. */
  public void fail(int count, int status) {
    failStatus = status;
    failuresLeft.set(count);
  }

  /** The next {@code count} requests wait {@code duration} before they are answered. */
  public void hang(int count, Duration duration) {
    hangFor = duration;
    hangsLeft.set(count);
  }

  /** Every request fails with 500 while down. */
  public void down(boolean isDown) {
    failStatus = 500;
    down = isDown;
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  public List<Received> received(String path) {
    return received.stream().filter(r -> r.path().equals(path)).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
