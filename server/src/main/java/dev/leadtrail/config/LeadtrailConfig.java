package dev.leadtrail.config;

import dev.leadtrail.ratelimit.RateLimit;
import java.util.Objects;

/** Everything Leadtrail is configured with, fixed at start-up. Built by {@link ConfigLoader}. */
public record LeadtrailConfig(Server server, Database database, RateLimits rateLimits) {

  public LeadtrailConfig {
    Objects.requireNonNull(server);
    Objects.requireNonNull(database);
    Objects.requireNonNull(rateLimits);
  }

  public record Server(String bind, int port, int maxBodyBytes) {}

  public record Database(String url, String user, String password, int poolSize) {

    public boolean isPostgres() {
      return url.startsWith("jdbc:postgresql:");
    }

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

  /** The defaults for organisations that have no limits of their own. */
  public record RateLimits(RateLimit standard, RateLimit bulk) {}

  public LeadtrailConfig withServer(Server newServer) {
    return new LeadtrailConfig(newServer, database, rateLimits);
  }

  public LeadtrailConfig withDatabase(Database newDatabase) {
    return new LeadtrailConfig(server, newDatabase, rateLimits);
  }

  public LeadtrailConfig withRateLimits(RateLimits newRateLimits) {
    return new LeadtrailConfig(server, database, newRateLimits);
  }
}
