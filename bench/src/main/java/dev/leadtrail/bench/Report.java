package dev.leadtrail.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The run's table and its figures, as Markdown for people and JSON for scripts. */
final class Report {

  private final List<BenchCommand.Row> rows;
  private final Map<String, Object> keys;
  private final int activities;

  Report(List<BenchCommand.Row> rows, Map<String, Object> keys, int activities) {
    this.rows = rows;
    this.keys = keys;
    this.activities = activities;
  }

  static String line(BenchCommand.Row row) {
    var load = row.load();
    return String.format(
        Locale.ROOT,
        "| %-22s | %4d | %9.0f | %7.2f | %7.2f | %8.1f | %6d | %5.0f%% | %6.0f |",
        row.target(),
        row.connections(),
        load.requestsPerSecond(),
        load.p50Ms(),
        load.p99Ms(),
        load.maxMs(),
        load.errors(),
        row.cpuPercent(),
        row.peakRssMb());
  }

  /**
   * Writes a copy stamped with the time; a full run ({@code full}) also as {@code latest.*}, a
   * partial one under {@code partial/}, which is not kept in git.
   */
  void write(Path folder, boolean full) throws IOException {
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    machine.put(
        "jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    machine.put("commit", commit());
    machine.put("activities", activities);
    machine.put("date", DateTimeFormatter.ISO_INSTANT.format(Instant.now()));
    Map<String, Double> ratios = ratios();
    Map<String, Object> json = new LinkedHashMap<>(keys);
    json.put("ratios", ratios);
    json.put("machine", machine);
    json.put("rows", rows.stream().map(Report::rowJson).toList());

    StringBuilder md = new StringBuilder();
    md.append("# Leadtrail benchmark\n\n")
        .append("Machine: ")
        .append(machine.get("cores"))
        .append(" cores, ")
        .append(machine.get("jdk"))
        .append(", commit ")
        .append(machine.get("commit"))
        .append(", ")
        .append(machine.get("date"))
        .append(", ")
        .append(activities)
        .append(" activities.\n\n")
        .append("| target | conns | calls/s | p50 ms | p99 ms | max ms | errors | CPU | RSS MB |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    rows.forEach(row -> md.append(line(row)).append('\n'));
    md.append("\n| figure | value |\n|---|---:|\n");
    keys.forEach(
        (key, value) ->
            md.append("| ").append(key).append(" | ").append(format(value)).append(" |\n"));
    ratios.forEach(
        (key, value) ->
            md.append("| ").append(key).append(" | ").append(format(value)).append(" |\n"));

    Files.createDirectories(folder);
    String stamp =
        DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC)
            .format(Instant.now());
    String text = BenchCommand.json().writeValueAsString(json);
    Path stamped = full ? folder : folder.resolve("partial");
    Files.createDirectories(stamped);
    if (full) {
      Files.writeString(folder.resolve("latest.json"), text, StandardCharsets.UTF_8);
      Files.writeString(folder.resolve("latest.md"), md, StandardCharsets.UTF_8);
    }
    Files.writeString(stamped.resolve(stamp + ".json"), text, StandardCharsets.UTF_8);
    Files.writeString(stamped.resolve(stamp + ".md"), md, StandardCharsets.UTF_8);
    System.out.println();
    System.out.print(md);
  }

  private Map<String, Double> ratios() {
    Map<String, Double> ratios = new LinkedHashMap<>();
    double sqlite = number("sqlite_rps_64");
    double postgres = number("postgres_rps_64");
    ratios.put("sqlite_64_over_http_ceiling", sqlite / number("http_ceiling_rps"));
    ratios.put("sqlite_64_over_wiremock", sqlite / number("wiremock_rps"));
    ratios.put("sqlite_64_over_sqlite_jdbc_loop", sqlite / number("sqlite_jdbc_loop_rps"));
    ratios.put("postgres_64_over_postgres_jdbc_loop", postgres / number("postgres_jdbc_loop_rps"));
    ratios.put("wiremock_over_http_ceiling", number("wiremock_rps") / number("http_ceiling_rps"));
    ratios.put("sqlite_64_at_1m_over_sqlite_64", number("sqlite_rps_64_at_1m") / sqlite);
    ratios.put(
        "sqlite_webhook_64_over_without",
        number("sqlite_webhook_rps_64") / number("sqlite_no_webhook_rps_64"));
    ratios.values().removeIf(ratio -> ratio.isNaN());
    return ratios;
  }

  private double number(String key) {
    Object value = keys.get(key);
    return value instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  private static Map<String, Object> rowJson(BenchCommand.Row row) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("target", row.target());
    map.put("connections", row.connections());
    map.put("rps", row.load().requestsPerSecond());
    map.put("p50_ms", row.load().p50Ms());
    map.put("p99_ms", row.load().p99Ms());
    map.put("max_ms", row.load().maxMs());
    map.put("errors", row.load().errors());
    map.put("requests", row.load().requests());
    map.put("cpu_percent", row.cpuPercent());
    map.put("peak_rss_mb", row.peakRssMb());
    return map;
  }

  private static String format(Object value) {
    return value instanceof Double d
        ? String.format(Locale.ROOT, "%.2f", d)
        : String.valueOf(value);
  }

  private static String commit() {
    try {
      Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").start();
      String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      git.waitFor();
      return out.isEmpty() ? "unknown" : out;
    } catch (IOException e) {
      return "unknown";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }
}
