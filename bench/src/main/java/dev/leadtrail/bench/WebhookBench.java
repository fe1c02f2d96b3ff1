package dev.leadtrail.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * The update call with one subscribed webhook, on a running server: a receiver on this machine
 * counts the events it gets (by {@code webhook-id}, so a delivery made twice counts once), the
 * store tells how many were committed, and the server's own histogram tells the time from commit to
 * delivery.
 */
final class WebhookBench implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Server receiver;
  private final Set<String> ids = ConcurrentHashMap.newKeySet();
  private final AtomicLong requests = new AtomicLong();
  private final HttpClient http = HttpClient.newHttpClient();
  private final String baseUrl;
  private final String keys;
  private String webhookId;

  WebhookBench(String baseUrl, String accessKey, String secretKey) throws IOException {
    this.baseUrl = baseUrl;
    this.keys = "accessKey=" + accessKey + "&secretKey=" + secretKey;
    receiver = new Server();
    var connector = new ServerConnector(receiver);
    connector.setHost("127.0.0.1");
    receiver.addConnector(connector);
    receiver.setHandler(
        new Handler.Abstract() {
          @Override
          public boolean handle(Request request, Response response, Callback callback) {
            requests.incrementAndGet();
            ids.add(request.getHeaders().get("webhook-id"));
            response.setStatus(204);
            // The body is left unread: Jetty discards it once the answer is complete.
            callback.succeeded();
            return true;
          }
        });
    try {
      receiver.start();
    } catch (Exception e) {
      throw new IOException("the receiver did not start", e);
    }
  }

  /** Subscribes the benchmark organisation to activity updates, delivered to the receiver. */
  void subscribe() throws Exception {
    String url = "http://127.0.0.1:" + receiver.getURI().getPort() + "/hook";
    var created =
        post(
            "Create",
            "{\"URL\":\"" + url + "\",\"WebhookEvent\":\"15\",\"Description\":\"bench\"}");
    webhookId = JSON.readTree(created).get("Message").get("Id").asText();
  }

  /** Enables (true) or disables the webhook by hand. */
  void enable(boolean enabled) throws Exception {
    post(
        "UpdateStatus",
        "{\"WebhookId\":\"" + webhookId + "\",\"StatusCode\":" + (enabled ? 0 : 1) + "}");
  }

  long distinctDelivered() {
    return ids.size();
  }

  long requests() {
    return requests.get();
  }

  /** Waits until the receiver has every committed event, or until none arrived for a while. */
  long drain(BenchStore store, Duration quiet) throws Exception {
    long committed = committedEvents(store);
    long last = -1;
    long stillSince = System.nanoTime();
    while (distinctDelivered() < committed) {
      if (distinctDelivered() != last) {
        last = distinctDelivered();
        stillSince = System.nanoTime();
      } else if (System.nanoTime() - stillSince > quiet.toNanos()) {
        break;
      }
      Thread.sleep(100);
      committed = committedEvents(store);
    }
    return committed;
  }

  static long committedEvents(BenchStore store) throws SQLException {
    try (Connection connection = store.connect();
        PreparedStatement query =
            connection.prepareStatement("SELECT COUNT(*) FROM webhook_events");
        ResultSet rs = query.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * The 99th percentile of the server's {@code leadtrail.webhooks.delivery.lag} histogram, in
   * milliseconds: the upper bound of the bucket it falls in.
   */
  double lagP99Ms(String managementUrl) throws Exception {
    String metrics =
        http.send(
                HttpRequest.newBuilder(URI.create(managementUrl + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    var buckets = new TreeMap<Double, Double>();
    for (String line : metrics.split("\n")) {
      if (line.startsWith("leadtrail_webhooks_delivery_lag_seconds_bucket{")) {
        int le = line.indexOf("le=\"") + 4;
        String bound = line.substring(le, line.indexOf('"', le));
        double upper = bound.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bound);
        buckets.put(upper, Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
      }
    }
    double total = buckets.isEmpty() ? 0 : buckets.lastEntry().getValue();
    for (var bucket : buckets.entrySet()) {
      if (bucket.getValue() >= total * 0.99) {
        return bucket.getKey() * 1000;
      }
    }
    return Double.NaN;
  }

  /** Calls a Webhook.svc operation, waiting out the 429s of calls that wrk left in flight. */
  private String post(String operation, String body) throws Exception {
    HttpResponse<String> response;
    int tries = 0;
    do {
      if (tries++ > 0) {
        Thread.sleep(100);
      }
      response =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(baseUrl + "/v2/Webhook.svc/" + operation + "?" + keys))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } while (response.statusCode() == 429 && tries < 100);
    if (response.statusCode() != 200) {
      throw new IllegalStateException(operation + " answered " + response.body());
    }
    return response.body();
  }

  @Override
  public void close() throws Exception {
    receiver.stop();
  }
}
