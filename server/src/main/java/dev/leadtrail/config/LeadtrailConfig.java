package dev.leadtrail.config;

import dev.leadtrail.value.RateLimit;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** Everything Leadtrail is configured with, fixed at start-up. Built by {@link ConfigLoader}. */
public record LeadtrailConfig(
    Server server,
    Database database,
    RateLimits rateLimits,
    Management management,
    Files files,
    Outbound outbound,
    Webhooks webhooks) {

  public LeadtrailConfig {
    Objects.requireNonNull(server);
    Objects.requireNonNull(database);
    Objects.requireNonNull(rateLimits);
    Objects.requireNonNull(management);
    Objects.requireNonNull(files);
    Objects.requireNonNull(outbound);
    Objects.requireNonNull(webhooks);
  }

  /**
   * {@code shutdownTimeout} bounds how long a stopping server waits for requests in flight; {@code
   * publicUrl} is the URL clients reach this server by (e.g. {@code https://crm.example.com}),
   * empty to take the one each request came to.
   */
  public record Server(
      String bind,
      int port,
      int maxBodyBytes,
      Duration shutdownTimeout,
      ClientLimits clients,
      String publicUrl,
      Tls tls) {

    public Server withAddress(String newBind, int newPort) {
      return new Server(newBind, newPort, maxBodyBytes, shutdownTimeout, clients, publicUrl, tls);
    }

    public Server withClients(ClientLimits newClients) {
      return new Server(bind, port, maxBodyBytes, shutdownTimeout, newClients, publicUrl, tls);
    }

    public Server withTls(Tls newTls) {
      return new Server(bind, port, maxBodyBytes, shutdownTimeout, clients, publicUrl, newTls);
    }
  }

  /**
   * HTTPS for the API port: a certificate chain and its private key as PEM files, or a PKCS12
   * keystore; {@link #NONE} serves plain HTTP.
   */
  public record Tls(Path certificate, Path key, Path keystore, String keystorePassword) {

    public static final Tls NONE = new Tls(null, null, null, "");

    public boolean enabled() {
      return certificate != null || keystore != null;
    }

    @Override
    public String toString() {
      return "Tls[certificate="
          + certificate
          + ", key="
          + key
          + ", keystore="
          + keystore
          + ", keystorePassword="
          + (keystorePassword.isEmpty() ? "" : "****")
          + "]";
    }
  }

  /**
   * What one client may hold of the server, so that a slow or greedy one cannot starve the others:
   * a request must arrive whole (headers and body) within {@code readTimeout}, and after its first
   * seconds at {@code minReadBytesPerSecond} at least; a client address may hold so many
   * connections and requests at once, and an organisation so many calls in flight. A cap of 0 is no
   * cap.
   */
  public record ClientLimits(
      Duration readTimeout,
      int minReadBytesPerSecond,
      int connectionsPerAddress,
      int requestsPerAddress,
      int callsInFlightPerOrganisation) {}

  /** Where {@code /metrics} is served, apart from the API; port -1 serves none. */
  public record Management(String bind, int port) {

    public boolean enabled() {
      return port >= 0;
    }
  }

  public record Database(String url, String user, String password, int poolSize) {

    @Override
    public String toString() {
      return "Database[url="
          + ConfigLoader.maskSecretsInUrl(url)
          + ", user="
          + user
          + ", password="
          + (password.isEmpty() ? "" : "****")
          + ", poolSize="
          + poolSize
          + "]";
    }
  }

  /**
   * The defaults for organisations that have no limits of their own, and where the budgets live: in
   * this instance's memory, in the database (PostgreSQL) or in Redis, the last two shared by every
   * instance.
   */
  public record RateLimits(
      RateLimit standard, RateLimit bulk, RateLimitStore store, String redisUrl) {

    public RateLimits withLimits(RateLimit newStandard, RateLimit newBulk) {
      return new RateLimits(newStandard, newBulk, store, redisUrl);
    }
  }

  public enum RateLimitStore {
    /** The database when every instance shares it (PostgreSQL), memory otherwise. */
    DEFAULT,
    MEMORY,
    DATABASE,
    REDIS
  }

  /**
   * Where uploaded and fetched files live ({@code directory} is used only by {@link
   * FileStore#DIRECTORY}), the largest one taken, how long a temporary one is kept, and how a URL
   * named in a {@code ProcessFilesAsync} call is fetched: so many tries, the first retry after
   * {@code firstRetry}, each later one three times as long after the one before.
   */
  public record Files(
      FileStore store,
      Path directory,
      int maxBytes,
      Duration temporaryFor,
      int fetchTries,
      Duration firstRetry) {}

  public enum FileStore {
    /** In a table of the database: shared by every instance, committed with the upload. */
    DATABASE,
    /** In a folder (a shared volume when several instances serve). */
    DIRECTORY
  }

  /**
   * Requests Leadtrail makes (file fetches, webhooks): to public addresses only, except the hosts,
   * addresses and CIDR ranges the operator allows; bounded in time.
   */
  public record Outbound(List<String> allowHosts, Duration connectTimeout, Duration timeout) {

    public Outbound {
      allowHosts = List.copyOf(allowHosts);
    }
  }

  /**
   * How webhook events are delivered: so many tries each, the first retry after {@code firstRetry},
   * each later wait twice the one before up to {@code longestRetry}; a webhook is disabled
   * (StatusCode 2) after {@code disableAfter} events in a row failed their last try; delivered and
   * failed events are kept {@code keepFor}; at most {@code concurrency} deliveries run at once on
   * each instance.
   */
  public record Webhooks(
      int tries,
      Duration firstRetry,
      Duration longestRetry,
      int disableAfter,
      Duration keepFor,
      int concurrency) {}

  public LeadtrailConfig withServer(Server newServer) {
    return new LeadtrailConfig(
        newServer, database, rateLimits, management, files, outbound, webhooks);
  }

  public LeadtrailConfig withDatabase(Database newDatabase) {
    return new LeadtrailConfig(
        server, newDatabase, rateLimits, management, files, outbound, webhooks);
  }

  public LeadtrailConfig withRateLimits(RateLimits newRateLimits) {
    return new LeadtrailConfig(
        server, database, newRateLimits, management, files, outbound, webhooks);
  }

  public LeadtrailConfig withManagement(Management newManagement) {
    return new LeadtrailConfig(
        server, database, rateLimits, newManagement, files, outbound, webhooks);
  }

  public LeadtrailConfig withFiles(Files newFiles) {
    return new LeadtrailConfig(
        server, database, rateLimits, management, newFiles, outbound, webhooks);
  }

  public LeadtrailConfig withOutbound(Outbound newOutbound) {
    return new LeadtrailConfig(
        server, database, rateLimits, management, files, newOutbound, webhooks);
  }

  public LeadtrailConfig withWebhooks(Webhooks newWebhooks) {
    return new LeadtrailConfig(
        server, database, rateLimits, management, files, outbound, newWebhooks);
  }
}
