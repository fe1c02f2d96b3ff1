package dev.leadtrail.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.leadtrail.config.LeadtrailConfig.RateLimitStore;
import dev.leadtrail.value.RateLimit;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Builds the {@link LeadtrailConfig} from layers, the later winning: built-in defaults, a YAML
 * file, {@code LEADTRAIL_*} environment variables, then {@code --key=value} flags. Every unknown or
 * invalid setting is reported, all in one {@link ConfigException}, naming the setting and where it
 * came from.
 */
public final class ConfigLoader {

  static final String ENV_PREFIX = "LEADTRAIL_";
  private static final Pattern URL_SECRET = Pattern.compile("(?i)(password=)[^&;]*");

  /** Every setting there is, with its default. */
  private static final Map<String, String> DEFAULTS = defaults();

  private static Map<String, String> defaults() {
    var d = new LinkedHashMap<String, String>();
    d.put("server.bind", "0.0.0.0");
    d.put("server.port", "8080");
    d.put("server.max-body-bytes", String.valueOf(1024 * 1024));
    d.put("server.shutdown-timeout-seconds", "30");
    d.put("server.read-timeout-seconds", "30");
    d.put("server.min-read-bytes-per-second", "1024");
    d.put("server.max-connections-per-address", "1024");
    d.put("server.max-requests-per-address", "256");
    d.put("server.max-calls-in-flight-per-organisation", "64");
    d.put("server.public-url", "");
    d.put("server.tls.certificate", "");
    d.put("server.tls.key", "");
    d.put("server.tls.keystore", "");
    d.put("server.tls.keystore-password", "");
    d.put("database.url", "jdbc:sqlite:data/leadtrail.db");
    d.put("database.user", "");
    d.put("database.password", "");
    d.put("database.pool-size", "10");
    d.put("ratelimit.calls", "25");
    d.put("ratelimit.window-seconds", "5");
    d.put("ratelimit.bulk-calls", "1");
    d.put("ratelimit.bulk-window-seconds", "5");
    d.put("ratelimit.store", "");
    d.put("redis.url", "redis://127.0.0.1:6379");
    d.put("management.bind", "127.0.0.1");
    d.put("management.port", "9090");
    d.put("files.store", "database");
    d.put("files.directory", "");
    d.put("files.max-bytes", String.valueOf(25 * 1024 * 1024));
    d.put("files.temporary-hours", "24");
    d.put("files.fetch-tries", "5");
    d.put("files.fetch-first-retry-seconds", "15");
    d.put("outbound.allow-hosts", "");
    d.put("outbound.connect-timeout-seconds", "5");
    d.put("outbound.timeout-seconds", "30");
    d.put("webhooks.tries", "10");
    d.put("webhooks.first-retry-seconds", "10");
    d.put("webhooks.longest-retry-seconds", "3600");
    d.put("webhooks.disable-after-failed-events", "10");
    d.put("webhooks.keep-days", "7");
    d.put("webhooks.concurrency", "32");
    return Map.copyOf(d);
  }

  private record Value(String text, String source) {}

  private final Map<String, Value> values = new LinkedHashMap<>();
  private final List<String> problems = new ArrayList<>();

  private ConfigLoader() {
    DEFAULTS.forEach((key, text) -> values.put(key, new Value(text, "default")));
  }

  /** The configuration with nothing but the built-in defaults. */
  public static LeadtrailConfig defaultConfig() {
    return new ConfigLoader().build();
  }

  public static LeadtrailConfig load(
      Optional<Path> file, Map<String, String> environment, List<String> flags) {
    var loader = new ConfigLoader();
    file.ifPresent(loader::readFile);
    loader.readEnvironment(environment);
    loader.readFlags(flags);
    return loader.build();
  }

  private void readFile(Path file) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      problems.add("the configuration file " + file + " cannot be read: " + e.getMessage());
      return;
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return;
    }
    if (!root.isObject()) {
      problems.add("the configuration file " + file + " must hold a mapping of settings");
      return;
    }
    flatten("", root, file.getFileName().toString());
  }

  private void flatten(String prefix, JsonNode node, String source) {
    node.properties()
        .forEach(
            entry -> {
              String key = prefix + entry.getKey();
              JsonNode value = entry.getValue();
              if (value.isObject()) {
                flatten(key + ".", value, source);
              } else if (value.isValueNode()) {
                set(key, value.isNull() ? "" : value.asText(), source);
              } else if (isListOfValues(value)) {
                var items = new ArrayList<String>();
                value.forEach(item -> items.add(item.asText()));
                set(key, String.join(",", items), source);
              } else {
                problems.add(key + " (in " + source + ") must be a value or a list of values");
              }
            });
  }

  private static boolean isListOfValues(JsonNode node) {
    if (!node.isArray()) {
      return false;
    }
    for (JsonNode item : node) {
      if (!item.isValueNode() || item.isNull()) {
        return false;
      }
    }
    return true;
  }

  private void readEnvironment(Map<String, String> environment) {
    environment.forEach(
        (name, text) -> {
          if (!name.startsWith(ENV_PREFIX)) {
            return;
          }
          String wanted = name.substring(ENV_PREFIX.length());
          String key =
              DEFAULTS.keySet().stream()
                  .filter(k -> envName(k).equals(wanted))
                  .findFirst()
                  .orElse(wanted.toLowerCase(Locale.ROOT).replace('_', '.'));
          set(key, text, "environment variable " + name);
        });
  }

  private void readFlags(List<String> flags) {
    for (String flag : flags) {
      if (!flag.startsWith("--") || flag.indexOf('=') < 0) {
        problems.add("the argument " + flag + " is not of the form --key=value");
        continue;
      }
      int eq = flag.indexOf('=');
      set(flag.substring(2, eq), flag.substring(eq + 1), "flag " + flag.substring(0, eq));
    }
  }

  private void set(String key, String text, String source) {
    if (!DEFAULTS.containsKey(key)) {
      problems.add(
          "unknown setting " + key + " (from " + source + "); did you mean " + closest(key) + "?");
      return;
    }
    values.put(key, new Value(text.strip(), source));
  }

  private LeadtrailConfig build() {
    var server =
        new LeadtrailConfig.Server(
            text("server.bind", true),
            integer("server.port", 0, 65_535),
            integer("server.max-body-bytes", 1024, 256 * 1024 * 1024),
            Duration.ofSeconds(integer("server.shutdown-timeout-seconds", 0, 3_600)),
            new LeadtrailConfig.ClientLimits(
                Duration.ofSeconds(integer("server.read-timeout-seconds", 1, 3_600)),
                integer("server.min-read-bytes-per-second", 0, 1 << 30),
                integer("server.max-connections-per-address", 0, 1_000_000),
                integer("server.max-requests-per-address", 0, 1_000_000),
                integer("server.max-calls-in-flight-per-organisation", 0, 1_000_000)),
            publicUrl(),
            tls());
    var database =
        new LeadtrailConfig.Database(
            databaseUrl(),
            text("database.user", false),
            text("database.password", false),
            integer("database.pool-size", 1, 1_000));
    var rateLimits =
        new LeadtrailConfig.RateLimits(
            rateLimit("ratelimit.calls", "ratelimit.window-seconds"),
            rateLimit("ratelimit.bulk-calls", "ratelimit.bulk-window-seconds"),
            rateLimitStore(),
            redisUrl());
    var management =
        new LeadtrailConfig.Management(
            text("management.bind", true), integer("management.port", -1, 65_535));
    var files =
        new LeadtrailConfig.Files(
            fileStore(),
            fileDirectory(),
            integer("files.max-bytes", 1, Integer.MAX_VALUE - 1024 * 1024),
            Duration.ofHours(integer("files.temporary-hours", 1, 24 * 365)),
            integer("files.fetch-tries", 1, 100),
            Duration.ofSeconds(integer("files.fetch-first-retry-seconds", 0, 86_400)));
    var outbound =
        new LeadtrailConfig.Outbound(
            list("outbound.allow-hosts"),
            Duration.ofSeconds(integer("outbound.connect-timeout-seconds", 1, 600)),
            Duration.ofSeconds(integer("outbound.timeout-seconds", 1, 3_600)));
    var webhooks =
        new LeadtrailConfig.Webhooks(
            integer("webhooks.tries", 1, 100),
            Duration.ofSeconds(integer("webhooks.first-retry-seconds", 0, 86_400)),
            Duration.ofSeconds(integer("webhooks.longest-retry-seconds", 0, 7 * 86_400)),
            integer("webhooks.disable-after-failed-events", 1, 1_000_000),
            Duration.ofDays(integer("webhooks.keep-days", 1, 3_650)),
            integer("webhooks.concurrency", 1, 1_024));
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new LeadtrailConfig(server, database, rateLimits, management, files, outbound, webhooks);
  }

  private String text(String key, boolean required) {
    Value value = values.get(key);
    if (required && value.text().isEmpty()) {
      problems.add(key + " (from " + value.source() + ") must not be empty");
    }
    return value.text();
  }

  private int integer(String key, int min, int max) {
    Value value = values.get(key);
    try {
      int parsed = Integer.parseInt(value.text());
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below, with the range
    }
    problems.add(
        key
            + " (from "
            + value.source()
            + ") must be a whole number from "
            + min
            + " to "
            + max
            + ", not '"
            + value.text()
            + "'");
    return min;
  }

  private RateLimit rateLimit(String callsKey, String windowKey) {
    return RateLimit.of(integer(callsKey, 1, 1_000_000), integer(windowKey, 1, 86_400));
  }

  /** Left empty, the store is the database's when instances share it, else memory. */
  private RateLimitStore rateLimitStore() {
    Value value = values.get("ratelimit.store");
    String name = value.text().toLowerCase(Locale.ROOT);
    RateLimitStore store =
        switch (name) {
          case "" -> RateLimitStore.DEFAULT;
          case "memory" -> RateLimitStore.MEMORY;
          case "database" -> RateLimitStore.DATABASE;
          case "redis" -> RateLimitStore.REDIS;
          default -> {
            problems.add(
                "ratelimit.store (from "
                    + value.source()
                    + ") must be memory, database or redis, not '"
                    + value.text()
                    + "'");
            yield RateLimitStore.MEMORY;
          }
        };
    return store;
  }

  private LeadtrailConfig.FileStore fileStore() {
    Value value = values.get("files.store");
    return switch (value.text().toLowerCase(Locale.ROOT)) {
      case "database" -> LeadtrailConfig.FileStore.DATABASE;
      case "directory" -> LeadtrailConfig.FileStore.DIRECTORY;
      default -> {
        problems.add(
            "files.store (from "
                + value.source()
                + ") must be database or directory, not '"
                + value.text()
                + "'");
        yield LeadtrailConfig.FileStore.DATABASE;
      }
    };
  }

  /** Required when files are kept in a directory; ignored otherwise. */
  private Path fileDirectory() {
    Value value = values.get("files.directory");
    if (value.text().isEmpty()) {
      if ("directory".equalsIgnoreCase(values.get("files.store").text())) {
        problems.add("files.directory must name a folder when files.store is directory");
      }
      return Path.of("files");
    }
    try {
      return Path.of(value.text());
    } catch (InvalidPathException e) {
      problems.add(
          "files.directory (from " + value.source() + ") is not a path: '" + value.text() + "'");
      return Path.of("files");
    }
  }

  /** A comma-separated list (a YAML list in a file), blank items left out. */
  private List<String> list(String key) {
    return Arrays.stream(values.get(key).text().split(","))
        .map(String::strip)
        .filter(item -> !item.isEmpty())
        .toList();
  }

  /**
   * TLS from a PEM certificate and key (both, or neither) or from a PKCS12 keystore; each file must
   * be readable.
   */
  private LeadtrailConfig.Tls tls() {
    Path certificate = readableFile("server.tls.certificate");
    Path key = readableFile("server.tls.key");
    Path keystore = readableFile("server.tls.keystore");
    if ((certificate == null) != (key == null)) {
      problems.add("server.tls.certificate and server.tls.key go together: give both or neither");
    }
    if (keystore != null && certificate != null) {
      problems.add(
          "give server.tls.certificate and server.tls.key, or server.tls.keystore, not both");
    }
    if (certificate == null && keystore == null) {
      return LeadtrailConfig.Tls.NONE;
    }
    return new LeadtrailConfig.Tls(
        certificate, key, keystore, text("server.tls.keystore-password", false));
  }

  private Path readableFile(String key) {
    Value value = values.get(key);
    if (value.text().isEmpty()) {
      return null;
    }
    try {
      Path path = Path.of(value.text());
      if (Files.isReadable(path) && Files.isRegularFile(path)) {
        return path;
      }
    } catch (InvalidPathException e) {
      // reported below
    }
    problems.add(key + " (from " + value.source() + ") names no readable file: " + value.text());
    return null;
  }

  /** Empty, or an http(s) URL of a host (and port) with no path: where clients reach us. */
  private String publicUrl() {
    Value value = values.get("server.public-url");
    String text =
        value.text().endsWith("/")
            ? value.text().substring(0, value.text().length() - 1)
            : value.text();
    if (text.isEmpty()) {
      return text;
    }
    try {
      URI uri = new URI(text);
      boolean web =
          "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
      if (web
          && uri.getHost() != null
          && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
          && uri.getRawQuery() == null
          && uri.getRawUserInfo() == null) {
        return text;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    problems.add(
        "server.public-url (from "
            + value.source()
            + ") must be an http or https URL of a host, such as https://crm.example.com, not '"
            + value.text()
            + "'");
    return "";
  }

  private String redisUrl() {
    Value value = values.get("redis.url");
    if (!value.text().startsWith("redis://") && !value.text().startsWith("rediss://")) {
      problems.add("redis.url (from " + value.source() + ") must start with redis:// or rediss://");
    }
    return value.text();
  }

  private String databaseUrl() {
    Value value = values.get("database.url");
    String url = value.text();
    if (!url.startsWith("jdbc:sqlite:") && !url.startsWith("jdbc:postgresql:")) {
      problems.add(
          "database.url (from "
              + value.source()
              + ") must start with jdbc:sqlite: or jdbc:postgresql:, not '"
              + maskSecretsInUrl(url)
              + "'");
    }
    return url;
  }

  /**
   * The environment variable's name without its prefix: {@code server.max-body-bytes} is
   * SERVER_MAX_BODY_BYTES.
   */
  static String envName(String key) {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  static String maskSecretsInUrl(String url) {
    return URL_SECRET.matcher(url).replaceAll("$1****");
  }

  private static String closest(String key) {
    return DEFAULTS.keySet().stream()
        .min(Comparator.comparingInt(candidate -> editDistance(key, candidate)))
        .orElseThrow();
  }

  private static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
