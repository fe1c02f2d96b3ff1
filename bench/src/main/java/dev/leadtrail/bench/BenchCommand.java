package dev.leadtrail.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.leadtrail.config.ConfigLoader;
import dev.leadtrail.config.LeadtrailConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench/run}: the update call on SQLite (durable) and PostgreSQL, against the HTTP ceiling
 * (the same stack answering without a database), the database ceilings (plain JDBC loops) and the
 * peer (WireMock answering a canned stub), all on this machine in one run. Prints one table and
 * writes it to bench/results as Markdown and JSON.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks the update call.")
public final class BenchCommand implements Callable<Integer> {

  @Option(
      names = "--activities",
      defaultValue = "100000",
      description = "Activities in each store.")
  private int activities;

  @Option(
      names = "--scale-activities",
      defaultValue = "1000000",
      description = "A second SQLite run at this size, to show how cost grows (0 skips it).")
  private int scaleActivities;

  @Option(names = "--seconds", defaultValue = "10", description = "Length of each measured run.")
  private int seconds;

  @Option(
      names = "--warmup",
      defaultValue = "30",
      description =
          "Seconds of load before each target is measured: the JIT compiler needs about that long"
              + " on two cores to finish compiling the hot paths.")
  private int warmup;

  @Option(names = "--connections", split = ",", defaultValue = "1,16,64")
  private List<Integer> connections;

  @Option(names = "--postgres-admin-url", defaultValue = "jdbc:postgresql://127.0.0.1:5432/test")
  private String postgresAdminUrl;

  @Option(names = "--postgres-user", defaultValue = "postgres")
  private String postgresUser;

  @Option(names = "--results", defaultValue = "bench/results")
  private Path results;

  @Option(names = "--root", defaultValue = ".", description = "The checkout (for the jars).")
  private Path root;

  @Option(
      names = "--only",
      split = ",",
      description =
          "Measure only these parts (sqlite, postgres, scale, peers, files, webhooks); the"
              + " figures go to"
              + " bench/results/partial/ (not kept in git), and latest.* stays that of the last"
              + " full run.")
  private Set<Part> only = EnumSet.noneOf(Part.class);

  @Option(
      names = "--server-jvm-option",
      description =
          "An option for the server's JVM (its JAVA_OPTS), to profile it"
              + " (-XX:StartFlightRecording=...).")
  private List<String> serverJvmOptions = List.of();

  /** The parts of a run that {@code --only} may pick. */
  enum Part {
    SQLITE,
    POSTGRES,
    SCALE,
    PEERS,
    FILES,
    WEBHOOKS
  }

  private final List<Row> rows = new ArrayList<>();
  private final Map<String, Object> keys = new LinkedHashMap<>();
  private long verified;
  private long lost;
  private long webhookEventsLost;
  private long failedCalls;
  private double peakRss;

  /** One line of the table. */
  record Row(
      String target, int connections, Wrk.Result load, double cpuPercent, double peakRssMb) {}

  public static void main(String[] args) {
    System.exit(
        new CommandLine(new BenchCommand())
            .setCaseInsensitiveEnumValuesAllowed(true)
            .execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Path work = Files.createTempDirectory("leadtrail-bench");
    try {
      return measure(work);
    } finally {
      deleteRecursively(work);
    }
  }

  private Integer measure(Path work) throws Exception {
    if (measures(Part.SQLITE)) {
      BenchStore sqlite = sqlite(work.resolve("sqlite"));
      measureLeadtrail(sqlite, work, "sqlite");
      Duration each = Duration.ofSeconds(seconds);
      keys.put("sqlite_jdbc_loop_rps", JdbcCeiling.perCommit(sqlite, 1, activities, each));
      keys.put("sqlite_jdbc_batched_rps", JdbcCeiling.batched(sqlite, 100, activities, each));
    }
    if (measures(Part.POSTGRES)) {
      BenchStore postgres = postgres("leadtrail_bench");
      measureLeadtrail(postgres, work, "postgres");
      Duration each = Duration.ofSeconds(seconds);
      keys.put(
          "postgres_jdbc_loop_rps", JdbcCeiling.perCommit(postgres, poolSize(), activities, each));
      keys.put("postgres_jdbc_batched_rps", JdbcCeiling.batched(postgres, 100, activities, each));
    }
    if (measures(Part.SCALE) && scaleActivities > 0) {
      BenchStore large = sqlite(work.resolve("sqlite-large"));
      large.prepare(scaleActivities);
      Row row =
          serveAndLoad(large, work, "sqlite@" + scaleActivities, List.of(64), scaleActivities)
              .getFirst();
      keys.put("sqlite_rps_64_at_1m", row.load().requestsPerSecond());
    }

    if (measures(Part.FILES)) {
      measureFiles(sqlite(work.resolve("sqlite-files")), work, "sqlite");
      measureFiles(postgres("leadtrail_bench_files"), work, "postgres");
    }
    if (measures(Part.WEBHOOKS)) {
      measureWebhooks(sqlite(work.resolve("sqlite-webhooks")), work);
    }
    if (measures(Part.PEERS)) {
      Row echo = measureChild("http-ceiling", echoCommand(), work);
      Row wiremock = measureChild("wiremock", wiremockCommand(work), work);
      keys.put("http_ceiling_rps", echo.load().requestsPerSecond());
      keys.put("wiremock_rps", wiremock.load().requestsPerSecond());
    }
    keys.put("server_peak_rss_mb", peakRss);
    keys.put("verified_updates", verified);
    keys.put("lost_updates", lost);
    keys.put("failed_calls", failedCalls);
    new Report(rows, keys, activities).write(results, only.isEmpty());
    if (failedCalls > 0) {
      System.err.println(
          failedCalls + " measured calls to Leadtrail failed: the figures above are not valid.");
    }
    return lost == 0 && webhookEventsLost == 0 && failedCalls == 0 ? 0 : 1;
  }

  private static void deleteRecursively(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private boolean measures(Part part) {
    return only.isEmpty() || only.contains(part);
  }

  private void measureLeadtrail(BenchStore store, Path work, String label) throws Exception {
    store.prepare(activities);
    List<Row> measured = serveAndLoad(store, work, label, connections, activities);
    for (Row row : measured) {
      keys.put(label + "_rps_" + row.connections(), row.load().requestsPerSecond());
      keys.put(label + "_p50_ms_" + row.connections(), row.load().p50Ms());
      keys.put(label + "_p99_ms_" + row.connections(), row.load().p99Ms());
    }
  }

  /**
   * Uploads of 1 MiB files, and asynchronous fetches of them, on a server that may fetch from this
   * machine.
   */
  private void measureFiles(BenchStore store, Path work, String label) throws Exception {
    store.prepare(1_000);
    int port = freePort();
    String url = "http://127.0.0.1:" + port;
    List<String> command = new ArrayList<>(serverCommand(store, port));
    command.add("--outbound.allow-hosts=127.0.0.1");
    try (ChildProcess server =
        ChildProcess.start(
                label + "-files",
                command,
                Map.of("JAVA_OPTS", String.join(" ", serverJvmOptions)),
                work.resolve(label + "-files.log"))
            .awaitReady(url + "/health/ready")) {
      var files = new FileBench(url, BenchStore.KEYS.accessKey(), BenchStore.KEYS.secretKey());
      files.uploads(Math.min(warmup, 10));
      double cpuBefore = server.cpuSeconds();
      FileBench.Uploads uploads = files.uploads(seconds);
      keys.put(label + "_upload_cpu_percent", (server.cpuSeconds() - cpuBefore) / seconds * 100);
      List<Double> async = files.asyncFetches();
      FileBench.put(keys, label, uploads, async);
      keys.put(label + "_files_peak_rss_mb", server.peakRssMb());
      System.out.printf(
          "%s: %.1f uploads of 1 MiB a second (%.1f MiB/s), async URL to stored file p50 %.1f ms%n",
          label, uploads.perSecond(), uploads.mibPerSecond(), FileBench.percentile(async, 0.5));
    }
  }

  /**
   * The update call at 64 connections on SQLite with one webhook on activity updates, enabled and
   * disabled in turn on the same warm server (without, with, without, with), then how many events
   * arrived at the receiver once it drained, against how many were committed.
   */
  private void measureWebhooks(BenchStore store, Path work) throws Exception {
    store.prepare(activities);
    int port = freePort();
    int management = freePort();
    String url = "http://127.0.0.1:" + port;
    List<String> command = new ArrayList<>(serverCommand(store, port));
    command.add("--outbound.allow-hosts=127.0.0.1");
    command.add("--management.port=" + management);
    try (ChildProcess server =
            ChildProcess.start(
                    "sqlite-webhooks",
                    command,
                    Map.of("JAVA_OPTS", String.join(" ", serverJvmOptions)),
                    work.resolve("sqlite-webhooks.log"))
                .awaitReady(url + "/health/ready");
        WebhookBench webhooks =
            new WebhookBench(url, BenchStore.KEYS.accessKey(), BenchStore.KEYS.secretKey())) {
      Wrk wrk = wrkFor(url, work, activities);
      long since = Instant.now().toEpochMilli();
      webhooks.subscribe();
      // Twice the warm-up: the JIT compiler has the delivery paths to compile as well, and on two
      // cores the first run after a single warm-up was still a third slower than the second.
      long acknowledgedWith = wrk.run(url, 64, 2 * warmup, "webhook-w").acknowledged();
      long acknowledged = acknowledgedWith;
      double without = 0;
      double with = 0;
      long deliveredDuring = 0;
      int runs = 0;
      // With, without, without, with: a drift during the runs weighs on both sides alike.
      for (boolean subscribed : new boolean[] {true, false, false, true}) {
        webhooks.enable(subscribed);
        if (!subscribed) {
          Wrk.Result plain = measureRow(server, wrk, url, "sqlite", 64, "without" + runs).load();
          without += plain.requestsPerSecond();
          acknowledged += plain.acknowledged();
        } else {
          long deliveredBefore = webhooks.requests();
          Row row = measureRow(server, wrk, url, "sqlite+webhook", 64, "with" + runs);
          deliveredDuring += webhooks.requests() - deliveredBefore;
          with += row.load().requestsPerSecond();
          acknowledgedWith += row.load().acknowledged();
          acknowledged += row.load().acknowledged();
        }
        runs++;
      }
      long stored = store.changesSince(since);
      lost += Math.max(0, acknowledged - stored);
      verified += Math.min(acknowledged, stored);
      long committed = webhooks.drain(store, Duration.ofSeconds(30));
      long delivered = webhooks.distinctDelivered();
      keys.put("sqlite_no_webhook_rps_64", without / 2);
      keys.put("sqlite_webhook_rps_64", with / 2);
      keys.put("webhook_events_committed", committed);
      keys.put("webhook_events_delivered", delivered);
      long eventsLost = Math.max(Math.max(0, committed - delivered), acknowledgedWith - committed);
      webhookEventsLost += eventsLost;
      keys.put("webhook_events_lost", eventsLost);
      keys.put("webhook_events_per_second", deliveredDuring / (2.0 * seconds));
      keys.put("webhook_delivery_lag_p99_ms", webhooks.lagP99Ms("http://127.0.0.1:" + management));
      keys.put("webhook_receiver_requests", webhooks.requests());
      System.out.printf(
          "webhooks: %.0f updates/s with, %.0f without; %d of %d committed events delivered;"
              + " lag p99 %s ms%n",
          with / 2, without / 2, delivered, committed, keys.get("webhook_delivery_lag_p99_ms"));
    }
  }

  /** One measured run of the update at {@code connections}: a row of the table, printed. */
  private Row measureRow(
      ChildProcess server, Wrk wrk, String url, String label, int connections, String runId) {
    double cpuBefore = server.cpuSeconds();
    Wrk.Result result = wrk.run(url, connections, seconds, runId);
    failedCalls += result.errors();
    Row row =
        new Row(
            "leadtrail-" + label,
            connections,
            result,
            (server.cpuSeconds() - cpuBefore) / seconds * 100,
            server.peakRssMb());
    peakRss = Math.max(peakRss, row.peakRssMb());
    rows.add(row);
    System.out.println(Report.line(row));
    return row;
  }

  /** Starts the server on the store, warms it, runs each load, then checks what was stored. */
  private List<Row> serveAndLoad(
      BenchStore store, Path work, String label, List<Integer> loads, int activityCount)
      throws Exception {
    int port = freePort();
    List<Row> measured = new ArrayList<>();
    long since = Instant.now().toEpochMilli();
    long acknowledged = 0;
    String url = "http://127.0.0.1:" + port;
    try (ChildProcess server =
        ChildProcess.start(
                label,
                serverCommand(store, port),
                Map.of("JAVA_OPTS", String.join(" ", serverJvmOptions)),
                work.resolve(label + ".log"))
            .awaitReady(url + "/health/ready")) {
      Wrk wrk = wrkFor(url, work, activityCount);
      acknowledged += wrk.run(url, 64, warmup, label + "w").acknowledged();
      for (int load : loads) {
        Row row = measureRow(server, wrk, url, label, load, label + load);
        acknowledged += row.load().acknowledged();
        measured.add(row);
      }
    }
    long stored = store.changesSince(since);
    lost += Math.max(0, acknowledged - stored);
    verified += Math.min(acknowledged, stored);
    store.verifySample(activityCount, 1_000);
    return measured;
  }

  /** The update script for a running server, naming a file uploaded to it now. */
  private static Wrk wrkFor(String url, Path work, int activityCount) throws IOException {
    String file =
        new FileBench(url, BenchStore.KEYS.accessKey(), BenchStore.KEYS.secretKey()).uploadOne();
    return new Wrk(
        work,
        BenchStore.KEYS.accessKey(),
        BenchStore.KEYS.secretKey(),
        BenchStore.USER.value(),
        activityCount,
        file);
  }

  private Row measureChild(String label, List<String> command, Path work) throws Exception {
    int port = Integer.parseInt(command.getLast());
    String url = "http://127.0.0.1:" + port;
    Wrk wrk = new Wrk(work, "k", "s", BenchStore.USER.value(), activities, "file.pdf");
    try (ChildProcess child =
        ChildProcess.start(label, command, work.resolve(label + ".log"))
            .awaitReady(url + readyPath(label))) {
      wrk.run(url, 64, warmup, "w");
      double cpuBefore = child.cpuSeconds();
      Wrk.Result result = wrk.run(url, 64, seconds, label);
      Row row =
          new Row(
              label,
              64,
              result,
              (child.cpuSeconds() - cpuBefore) / seconds * 100,
              child.peakRssMb());
      rows.add(row);
      System.out.println(Report.line(row));
      return row;
    }
  }

  private static String readyPath(String label) {
    return label.equals("wiremock") ? "/__admin/health" : "/health/ready";
  }

  /** The server as the README starts it, with its default settings. */
  private List<String> serverCommand(BenchStore store, int port) {
    LeadtrailConfig.Database db = store.database();
    return List.of(
        root.resolve("leadtrail").toString(),
        "serve",
        "--database.url=" + db.url(),
        "--database.user=" + db.user(),
        "--server.bind=127.0.0.1",
        "--server.port=" + port,
        "--management.port=-1");
  }

  private List<String> echoCommand() throws IOException {
    return List.of(
        java(),
        "-cp",
        root.resolve("bench/target/leadtrail-bench.jar").toString(),
        EchoServer.class.getName(),
        String.valueOf(freePort()));
  }

  private List<String> wiremockCommand(Path work) throws IOException {
    Path mappings = work.resolve("wiremock/mappings");
    Files.createDirectories(mappings);
    Files.writeString(
        mappings.resolve("update.json"),
        """
        {"request":{"method":"POST","urlPath":"/v2/ProspectActivity.svc/CustomActivity/Update"},
         "response":{"status":200,"headers":{"Content-Type":"application/json"},
          "body":"{\\"Status\\":\\"Success\\",\\"Message\\":{\\"Id\\":\\"093d5c54-6009-48d4-840e-84fd12e8d63a\\"}}"}}
        """);
    return List.of(
        java(),
        "-jar",
        root.resolve("bench/target/peer/wiremock-standalone.jar").toString(),
        "--root-dir",
        work.resolve("wiremock").toString(),
        "--no-request-journal",
        "--disable-banner",
        "--bind-address",
        "127.0.0.1",
        "--port",
        String.valueOf(freePort()));
  }

  private BenchStore sqlite(Path folder) throws IOException {
    Files.createDirectories(folder);
    return new BenchStore(
        "sqlite",
        new LeadtrailConfig.Database(
            "jdbc:sqlite:" + folder.resolve("bench.db"), "", "", poolSize()));
  }

  private BenchStore postgres(String name) throws Exception {
    try (Connection admin = DriverManager.getConnection(postgresAdminUrl, postgresUser, "");
        Statement statement = admin.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name);
      statement.execute("CREATE DATABASE " + name);
    }
    String url = postgresAdminUrl.substring(0, postgresAdminUrl.lastIndexOf('/') + 1) + name;
    return new BenchStore(
        "postgres", new LeadtrailConfig.Database(url, postgresUser, "", poolSize()));
  }

  /** The server's default pool size: the JDBC loop runs as many connections. */
  private static int poolSize() {
    return ConfigLoader.defaultConfig().database().poolSize();
  }

  private static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static ObjectMapper json() {
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  }
}
