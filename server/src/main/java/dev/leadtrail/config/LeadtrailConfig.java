package dev.leadtrail.config;

import dev.leadtrail.value.RateLimit;
import java.time.Duration;
import java.util.Objects;

/** Everything Leadtrail is configured with, fixed at start-up. Built by {@link ConfigLoader}. */
public record LeadtrailConfig(
    Server server, Database database, RateLimits rateLimits, Management management) {

  public LeadtrailConfig {
    Objects.requireNonNull(server);
    Objects.requireNonNull(database);
    Objects.requireNonNull(rateLimits);
    Objects.requireNonNull(management);
  }

  /** {@code shutdownTimeout} bounds how long a stopping server waits for requests in flight. */
  public record Server(
      String bind, int port, int maxBodyBytes, Duration shutdownTimeout, ClientLimits clients) {

    public Server withAddress(String newBind, int newPort) {
      return new Server(newBind, newPort, maxBodyBytes, shutdownTimeout, clients);
    }

    public Server withClients(ClientLimits newClients) {
      return new Server(bind, port, maxBodyBytes, shutdownTimeout, newClients);
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

  public LeadtrailConfig withServer(Server newServer) {
    return new LeadtrailConfig(newServer, database, rateLimits, management);
  }

  public LeadtrailConfig withDatabase(Database newDatabase) {
    return new LeadtrailConfig(server, newDatabase, rateLimits, management);
  }

  public LeadtrailConfig withRateLimits(RateLimits newRateLimits) {
    return new LeadtrailConfig(server, database, newRateLimits, management);
  }

  public LeadtrailConfig withManagement(Management newManagement) {
    return new LeadtrailConfig(server, database, rateLimits, newManagement);
  }
}
