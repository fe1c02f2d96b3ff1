package dev.leadtrail.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadtrail.config.LeadtrailConfig;
import dev.leadtrail.value.RateLimit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the API suites: one real server per test class, on the store the subclass names. Tests
 * keep out of each other's way by making their own tenants.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ApiTestCase {

  private static final ObjectMapper JSON = new ObjectMapper();

  protected TestDatabase database;
  protected TestServer server;

  protected abstract TestDatabase.Store store();

  /** A configuration whose rate limits are out of the way, for suites that make many calls. */
  protected static LeadtrailConfig withoutRateLimits(LeadtrailConfig config) {
    var lifted = RateLimit.of(1_000_000, 1);
    return config.withRateLimits(config.rateLimits().withLimits(lifted, lifted));
  }

  /** Lets a suite change the configuration its server starts with. */
  protected LeadtrailConfig configure(LeadtrailConfig config) {
    return config;
  }

  @BeforeAll
  void startServer(@TempDir Path folder) {
    database = TestDatabase.of(store(), folder);
    server = TestServer.start(database, this::configure);
  }

  @AfterAll
  void stopServer() throws Exception {
    if (server != null) {
      server.close();
    }
    if (database != null) {
      database.close();
    }
  }

  protected static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + response.body(), e);
    }
  }
}
