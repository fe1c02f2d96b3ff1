package dev.leadtrail.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Files on a running server: uploads of {@value #FILE_BYTES}-byte files by several clients at once
 * (uploads and MiB a second, latency), and the time from an update with {@code ProcessFilesAsync}
 * naming a URL to the file stored in its field, against an origin on this machine.
 */
final class FileBench {

  static final int FILE_BYTES = 1024 * 1024;
  private static final int CLIENTS = 8;
  private static final int ASYNC_UPDATES = 50;
  private static final String FILE_FIELD = "mx_Custom_15";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Uploads: what was measured, and the latencies in milliseconds, sorted. */
  record Uploads(long count, double perSecond, double mibPerSecond, List<Double> latenciesMs) {}

  private final String baseUrl;
  private final String keys;
  private final HttpClient http =
      HttpClient.newBuilder()
          .executor(Executors.newVirtualThreadPerTaskExecutor())
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  FileBench(String baseUrl, String accessKey, String secretKey) {
    this.baseUrl = baseUrl;
    this.keys = "accessKey=" + accessKey + "&secretKey=" + secretKey;
  }

  /** Uploads one small file for the benchmark's File field; its stored name. */
  String uploadOne() throws IOException {
    String boundary = "----leadtrail-bench";
    var response =
        send(
            HttpRequest.newBuilder(URI.create(baseUrl + "/File/Upload?" + keys))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, new byte[1024])))
                .build());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("upload failed: " + response.body());
    }
    return JSON.readTree(response.body()).get("uploadedFile").asText();
  }

  /** {@value #CLIENTS} clients upload 1 MiB files back to back for {@code seconds}. */
  Uploads uploads(int seconds) throws Exception {
    byte[] file = new byte[FILE_BYTES];
    ThreadLocalRandom.current().nextBytes(file);
    String boundary = "----leadtrail-bench";
    byte[] body = multipart(boundary, file);
    var stop = new AtomicBoolean();
    var count = new AtomicLong();
    List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
    List<Thread> clients = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < CLIENTS; i++) {
      clients.add(
          Thread.ofVirtual()
              .start(
                  () -> {
                    while (!stop.get()) {
                      long sent = System.nanoTime();
                      var response =
                          send(
                              HttpRequest.newBuilder(URI.create(baseUrl + "/File/Upload?" + keys))
                                  .header(
                                      "Content-Type", "multipart/form-data; boundary=" + boundary)
                                  .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                  .build());
                      if (response.statusCode() != 200) {
                        throw new IllegalStateException("upload failed: " + response.body());
                      }
                      latencies.add((System.nanoTime() - sent) / 1e6);
                      count.incrementAndGet();
                    }
                  }));
    }
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    for (Thread client : clients) {
      client.join();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    List<Double> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    return new Uploads(
        count.get(),
        count.get() / elapsed,
        count.get() * (FILE_BYTES / 1048576.0) / elapsed,
        sorted);
  }

  /**
   * One update after another, each naming a new 1 MiB file's URL with {@code ProcessFilesAsync}:
   * the milliseconds from sending it to seeing the stored name in the field, sorted.
   */
  List<Double> asyncFetches() throws Exception {
    byte[] file = new byte[FILE_BYTES];
    ThreadLocalRandom.current().nextBytes(file);
    HttpServer origin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    origin.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    origin.createContext(
        "/",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
          exchange.sendResponseHeaders(200, file.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(file);
          }
        });
    origin.start();
    try {
      List<Double> times = new ArrayList<>();
      for (int i = 0; i < ASYNC_UPDATES; i++) {
        String activity = Wrk.activityId(i);
        String url = "http://127.0.0.1:" + origin.getAddress().getPort() + "/scan-" + i + ".bin";
        long sent = System.nanoTime();
        var response =
            send(
                HttpRequest.newBuilder(
                        URI.create(
                            baseUrl + "/v2/ProspectActivity.svc/CustomActivity/Update?" + keys))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            """
                            {"ProspectActivityId":"%s","ProcessFilesAsync":true,
                             "Fields":[{"SchemaName":"%s","Value":"%s"}]}\
                            """
                                .formatted(activity, FILE_FIELD, url)))
                    .build());
        if (response.statusCode() != 200) {
          throw new IllegalStateException("update failed: " + response.body());
        }
        while (fileValue(activity).startsWith("http")) {
          Thread.sleep(2);
        }
        times.add((System.nanoTime() - sent) / 1e6);
      }
      Collections.sort(times);
      return times;
    } finally {
      origin.stop(0);
    }
  }

  private String fileValue(String activity) throws IOException {
    var details =
        send(
            HttpRequest.newBuilder(
                    URI.create(
                        baseUrl
                            + "/v2/ProspectActivity.svc/GetActivityDetails?activityId="
                            + activity
                            + "&"
                            + keys))
                .build());
    for (JsonNode field : JSON.readTree(details.body()).get("Fields")) {
      if (field.get("SchemaName").asText().equals(FILE_FIELD)) {
        return field.get("Value").asText();
      }
    }
    throw new IllegalStateException("no " + FILE_FIELD + " in " + details.body());
  }

  static double percentile(List<Double> sorted, double p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
  }

  /** The figures of both measurements, under keys that start with {@code label}. */
  static void put(Map<String, Object> keys, String label, Uploads uploads, List<Double> async) {
    keys.put(label + "_uploads_1mib_per_s", uploads.perSecond());
    keys.put(label + "_uploads_mib_per_s", uploads.mibPerSecond());
    keys.put(label + "_upload_p50_ms", percentile(uploads.latenciesMs(), 0.5));
    keys.put(label + "_upload_p99_ms", percentile(uploads.latenciesMs(), 0.99));
    keys.put(label + "_async_fetch_to_stored_p50_ms", percentile(async, 0.5));
    keys.put(label + "_async_fetch_to_stored_p95_ms", percentile(async, 0.95));
    keys.put(label + "_async_fetch_to_stored_max_ms", async.getLast());
  }

  private static byte[] multipart(String boundary, byte[] file) {
    var out = new ByteArrayOutputStream();
    out.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"uploadFiles\"; filename=\"scan.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    out.writeBytes(file);
    out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("the server did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
