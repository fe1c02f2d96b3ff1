package dev.leadtrail.scaleout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadtrail.auth.Authenticator;
import dev.leadtrail.config.LeadtrailConfig;
import dev.leadtrail.config.LeadtrailConfig.RateLimitStore;
import dev.leadtrail.testing.RateWindows;
import dev.leadtrail.testing.Tenant;
import dev.leadtrail.testing.TestDatabase;
import dev.leadtrail.testing.TestServer;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Two instances on one PostgreSQL database serve one organisation as one. */
class ScaleOutTest {

  private static final String WHO_AM_I = "/v2/Authentication.svc/UserByAccessKey.Get";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  private TestServer instance(TestDatabase database, RateLimitStore store) {
    TestServer server =
        TestServer.start(
            database,
            config ->
                config.withRateLimits(
                    new LeadtrailConfig.RateLimits(
                        config.rateLimits().standard(),
                        config.rateLimits().bulk(),
                        store,
                        config.rateLimits().redisUrl())));
    open.add(server);
    return server;
  }

  private TestDatabase postgres() {
    TestDatabase database = TestDatabase.postgres();
    open.add(database);
    return database;
  }

  @Test
  void aWriteOnOneInstance_isReadOnTheOtherAtOnce() {
    TestDatabase database = postgres();
    TestServer first = instance(database, RateLimitStore.DATABASE);
    TestServer second = instance(database, RateLimitStore.DATABASE);
    Tenant tenant = first.newTenant("Shared");

    for (int i = 0; i < 10; i++) {
      TestServer writer = i % 2 == 0 ? first : second;
      TestServer reader = i % 2 == 0 ? second : first;
      String email = "lead" + i + "@example.com";
      var created =
          writer.postJson(
              "/v2/LeadManagement.svc/Lead.Create?" + tenant.keyQuery(),
              "[{\"Attribute\":\"EmailAddress\",\"Value\":\"" + email + "\"}]");
      assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
      var read =
          reader.get(
              "/v2/LeadManagement.svc/Leads.GetByEmailaddress?emailaddress="
                  + email
                  + "&"
                  + tenant.keyQuery());
      assertThat(json(read)).hasSize(1);
    }
  }

  @Test
  void aTypeChangedOnOneInstance_checksUpdatesOnTheOtherAtOnce() {
    TestDatabase database = postgres();
    TestServer first = instance(database, RateLimitStore.DATABASE);
    TestServer second = instance(database, RateLimitStore.DATABASE);
    Tenant tenant = first.newTenant("Types");
    String activities = "/v2/ProspectActivity.svc/";
    String type =
        """
        {%s"ActivityEventName":"Call","Fields":[
          {"SchemaName":"mx_Custom_1","DataType":"Dropdown","OptionSet":"[%s]"}]}\
        """;
    String hot = "{\\\"Value\\\":\\\"Hot\\\"}";
    first.postJson(activities + "CreateType?" + tenant.keyQuery(), type.formatted("", hot));
    var posted =
        first.postJson(
            activities + "Create?" + tenant.keyQuery(),
            "{\"EmailAddress\":\"ann@example.com\",\"ActivityEvent\":200}");
    String id = json(posted).get("Message").get("Id").asText();
    String warm =
        """
        {"ProspectActivityId":"%s","Fields":[{"SchemaName":"mx_Custom_1","Value":"Warm"}]}\
        """
            .formatted(id);
    String update = activities + "CustomActivity/Update?" + tenant.keyQuery();
    assertThat(second.postJson(update, warm).statusCode()).isEqualTo(500);

    String typeId =
        json(first.get(activities + "ActivityTypes.Get?" + tenant.keyQuery()))
            .get(0)
            .get("ID")
            .asText();
    var redefined =
        first.postJson(
            activities + "CustomActivityType/Update?" + tenant.keyQuery(),
            type.formatted("\"ID\":\"" + typeId + "\",", hot + "," + hot.replace("Hot", "Warm")));
    assertThat(redefined.statusCode()).as(redefined.body()).isEqualTo(200);

    var accepted = second.postJson(update, warm);
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
  }

  @Test
  void aKeyRevokedOnOneInstance_isRefusedAtOnceThereAndSoonOnTheOther()
      throws InterruptedException {
    TestDatabase database = postgres();
    TestServer first = instance(database, RateLimitStore.DATABASE);
    TestServer second = instance(database, RateLimitStore.DATABASE);
    Tenant tenant = first.newTenant("Revoked");
    String whoAmI = WHO_AM_I + "?" + tenant.keyQuery();
    assertThat(second.get(whoAmI).statusCode()).isEqualTo(200);

    first.leadtrail().apiKeys().revoke(tenant.orgId(), tenant.keys().accessKey());

    assertThat(first.get(whoAmI).statusCode()).isEqualTo(401);
    long revokedAt = System.nanoTime();

    // The other instance held the caller since before the revocation, for HELD_FOR at most: a call
    // it starts after that must be refused, however loaded the machine.
    long heldUntil = revokedAt + Authenticator.HELD_FOR.toNanos();
    Thread.sleep(Math.max(0, Duration.ofNanos(heldUntil - System.nanoTime()).toMillis() + 1));
    assertThat(second.get(whoAmI).statusCode()).isEqualTo(401);
  }

  @Test
  void theDatabaseRateLimit_holdsAcrossInstances() {
    TestDatabase database = postgres();
    TestServer first = instance(database, RateLimitStore.DATABASE);
    TestServer second = instance(database, RateLimitStore.DATABASE);
    RateWindows.awaitFreshWindow();
    assertSharedLimit(first, second);
  }

  @Test
  void theRedisRateLimit_holdsAcrossInstances() {
    requireRedis();
    TestDatabase database = postgres();
    assertSharedLimit(
        instance(database, RateLimitStore.REDIS), instance(database, RateLimitStore.REDIS));
  }

  private static void assertSharedLimit(TestServer first, TestServer second) {
    Tenant tenant = first.newTenant("Budget");
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 26; i++) {
      TestServer target = i % 2 == 0 ? first : second;
      statuses.add(target.get(WHO_AM_I + "?" + tenant.keyQuery()).statusCode());
    }
    assertThat(statuses.subList(0, 25)).containsOnly(200);
    assertThat(statuses.get(25)).isEqualTo(429);
    assertThat(first.get(WHO_AM_I + "?" + tenant.keyQuery()).statusCode()).isEqualTo(429);
  }

  private static void requireRedis() {
    boolean required =
        Boolean.parseBoolean(System.getenv().getOrDefault("REDIS_TEST_REQUIRED", "false"));
    try (Socket socket = new Socket("127.0.0.1", 6379)) {
      socket.setSoTimeout(1000);
    } catch (IOException e) {
      if (required) {
        throw new IllegalStateException(
            "no Redis at 127.0.0.1:6379, and REDIS_TEST_REQUIRED=true", e);
      }
      Assumptions.abort("Skipping the Redis test: no Redis at 127.0.0.1:6379.");
    }
  }

  private static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }
}
