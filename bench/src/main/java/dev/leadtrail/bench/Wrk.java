package dev.leadtrail.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives the update call with wrk (Debian's package) from a process of its own: a Lua script picks
 * an activity at random for each request and sends the seed-sized body (15 custom fields, Status
 * and Owner) with values that differ on every call, so every call really changes data.
 */
final class Wrk {

  /** What one run measured. Latencies in milliseconds. */
  record Result(
      double requestsPerSecond,
      double p50Ms,
      double p99Ms,
      double maxMs,
      long requests,
      long errors) {

    long acknowledged() {
      return requests - errors;
    }
  }

  private static final Pattern RESULT =
      Pattern.compile("RESULT (\\d+) (\\d+) (\\d+) ([0-9.]+) ([0-9.]+) ([0-9.]+) ([0-9.]+)");

  private final Path script;

  /**
   * A script for {@code activities} activities; {@code fileName} is the stored file that the File
   * field {@code mx_Custom_15} names.
   */
  Wrk(
      Path folder,
      String accessKey,
      String secretKey,
      String ownerId,
      int activities,
      String fileName) {
    this.script = folder.resolve("update.lua");
    String lua =
        LUA.replace(
                "@PATH@",
                "/v2/ProspectActivity.svc/CustomActivity/Update?accessKey="
                    + accessKey
                    + "&secretKey="
                    + secretKey)
            .replace("@OWNER@", ownerId)
            .replace("@ACTIVITIES@", String.valueOf(activities))
            .replace("@FILE@", fileName);
    try {
      Files.writeString(script, lua, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One run; {@code runId} makes its values differ from every other run's. */
  Result run(String baseUrl, int connections, int seconds, String runId) {
    int threads = Math.min(2, connections);
    List<String> command =
        List.of(
            "wrk",
            "-t" + threads,
            "-c" + connections,
            "-d" + seconds + "s",
            "--timeout",
            "10s",
            "-s",
            script.toString(),
            baseUrl,
            "--",
            runId);
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      process.waitFor();
      Matcher m = RESULT.matcher(output);
      if (!m.find()) {
        throw new IllegalStateException("wrk printed no result:\n" + output);
      }
      long requests = Long.parseLong(m.group(1));
      long errors = Long.parseLong(m.group(2)) + Long.parseLong(m.group(3));
      return new Result(
          Double.parseDouble(m.group(4)),
          Double.parseDouble(m.group(5)) / 1000,
          Double.parseDouble(m.group(6)) / 1000,
          Double.parseDouble(m.group(7)) / 1000,
          requests,
          errors);
    } catch (IOException e) {
      throw new UncheckedIOException("wrk could not run (apt-get install wrk)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Activity ids the seeder and the script agree on: b0000000-0000-4000-8000-{index}. */
  static String activityId(int index) {
    return String.format("b0000000-0000-4000-8000-%012d", index);
  }

  private static final String LUA =
      """
      local path = "@PATH@"
      local activities = @ACTIVITIES@
      local threads = {}
      local next_id = 1
      local counter = 0

      -- tid is a global: setup() runs in the main state and sets it in each thread's own state,
      -- so that threads draw different activities and write different values.
      function setup(thread)
        thread:set("tid", next_id)
        next_id = next_id + 1
        table.insert(threads, thread)
      end

      local run = "r"

      function init(args)
        run = args[1]
        math.randomseed(tid * 7919 + os.time())
      end

      function request()
        counter = counter + 1
        local id = string.format("b0000000-0000-4000-8000-%012d", math.random(0, activities - 1))
        local v = run .. "-" .. tid .. "-" .. counter
        local body = '{"ProspectActivityId":"' .. id .. '","ActivityEvent":313,"ActivityNote":"Note ' .. v .. '",'
          .. '"ProcessFilesAsync":true,"Fields":['
          .. '{"SchemaName":"mx_Custom_1","Value":"' .. v .. '"},'
          .. '{"SchemaName":"mx_Custom_2","Value":"Summary of call ' .. v .. '"},'
          .. '{"SchemaName":"mx_Custom_3","Value":"' .. ((counter % 2 == 0) and "Hot" or "Cold") .. '"},'
          .. '{"SchemaName":"mx_Custom_4","Value":"' .. counter .. '"},'
          .. '{"SchemaName":"mx_Custom_5","Value":"2026-11-' .. string.format("%02d", counter % 28 + 1) .. '"},'
          .. '{"SchemaName":"mx_Custom_6","Value":"2026-11-27 10:' .. string.format("%02d", counter % 60) .. ':00"},'
          .. '{"SchemaName":"mx_Custom_7","Value":"lead' .. counter % 100 .. '@example.com"},'
          .. '{"SchemaName":"mx_Custom_8","Value":"+44 20 7946 ' .. string.format("%04d", counter % 10000) .. '"},'
          .. '{"SchemaName":"mx_Custom_9","Value":"' .. counter % 2 .. '"},'
          .. '{"SchemaName":"mx_Custom_10","Value":"https://example.com/rec/' .. counter .. '"},'
          .. '{"SchemaName":"mx_Custom_11","Value":"Email;Phone"},'
          .. '{"SchemaName":"mx_Custom_12","Value":"@OWNER@"},'
          .. '{"SchemaName":"mx_Custom_13","Value":"Competitor ' .. counter % 7 .. '"},'
          .. '{"SchemaName":"mx_Custom_14","Value":"' .. counter * 3 .. '.5"},'
          .. '{"SchemaName":"mx_Custom_15","Value":"' .. ((counter % 2 == 0) and "@FILE@" or "") .. '"},'
          .. '{"SchemaName":"Status","Value":""},'
          .. '{"SchemaName":"Owner","Value":"@OWNER@"}]}'
        return wrk.format("POST", path, {["Content-Type"] = "application/json"}, body)
      end

      function done(summary, latency, requests)
        local e = summary.errors
        io.write(string.format("RESULT %d %d %d %.2f %.1f %.1f %.1f\\n",
          summary.requests, e.status, e.connect + e.read + e.write + e.timeout,
          summary.requests / (summary.duration / 1000000),
          latency:percentile(50), latency:percentile(99), latency.max))
      end
      """;
}
