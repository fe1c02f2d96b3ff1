package dev.leadtrail.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A web server on loopback that serves files for Leadtrail to fetch: {@code /files/<name>} answers
 * {@code content of <name>}, {@code /missing/...} answers 404, {@code /flaky/...} fails its first
 * request then serves the file, {@code /hold/...} waits until {@link #release()} before serving.
 * Counts the requests it gets, by path.
 */
public final class FileOrigin implements AutoCloseable {

  private final HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private final Map<String, AtomicInteger> byPath = new ConcurrentHashMap<>();
  private final CountDownLatch released = new CountDownLatch(1);

  private FileOrigin(HttpServer server) {
    this.server = server;
  }

  public static FileOrigin start() {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var origin = new FileOrigin(server);
    var flakyCalls = new AtomicInteger();
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext(
        "/",
        exchange -> {
          origin.requests.incrementAndGet();
          String path = exchange.getRequestURI().getPath();
          origin.byPath.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
          if (path.startsWith("/hold/")) {
            try {
              origin.released.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          String name = path.substring(path.lastIndexOf('/') + 1);
          boolean serve =
              path.startsWith("/files/")
                  || path.startsWith("/hold/")
                  || (path.startsWith("/flaky/") && flakyCalls.getAndIncrement() > 0);
          byte[] body = ("content of " + name).getBytes();
          if (!serve) {
            exchange.sendResponseHeaders(path.startsWith("/flaky/") ? 503 : 404, -1);
            exchange.close();
            return;
          }
          exchange.getResponseHeaders().add("Content-Type", "text/plain");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    return origin;
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  public int requests() {
    return requests.get();
  }

  /** How many requests asked for {@code path}. */
  public int requests(String path) {
    AtomicInteger count = byPath.get(path);
    return count == null ? 0 : count.get();
  }

  /** Lets every request to {@code /hold/...} be answered, now and from now on. */
  public void release() {
    released.countDown();
  }

  @Override
  public void close() {
    release();
    server.stop(0);
  }
}
