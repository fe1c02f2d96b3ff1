package dev.leadtrail.scaleout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadtrail.config.LeadtrailConfig;
import dev.leadtrail.config.LeadtrailConfig.RateLimitStore;
import dev.leadtrail.testing.ChildServer;
import dev.leadtrail.testing.Eventually;
import dev.leadtrail.testing.Tenant;
import dev.leadtrail.testing.TestDatabase;
import dev.leadtrail.testing.TestServer;
import dev.leadtrail.value.RateLimit;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client loads two instances, one of them a separate process; that process gets SIGTERM in the
 * middle. Every update either instance acknowledged must be in the store afterwards, and the
 * stopped instance must have answered every update it committed.
 */
class GracefulShutdownTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ACTIVITIES = "/v2/ProspectActivity.svc/";

  @TempDir Path folder;

  /** One client: updates one activity again and again, noting what was acknowledged. */
  private static final class Writer implements Runnable {
    private final String baseUrl;
    private final String keys;
    private final String activityId;
    private final String name;
    final List<String> acknowledged = new CopyOnWriteArrayList<>();
    final List<String> failures = new CopyOnWriteArrayList<>();
    final AtomicBoolean stop = new AtomicBoolean();
    private final HttpClient http =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    Writer(String baseUrl, String keys, String activityId, String name) {
      this.baseUrl = baseUrl;
      this.keys = keys;
      this.activityId = activityId;
      this.name = name;
    }

    @Override
    public void run() {
      for (int i = 0; !stop.get(); i++) {
        String value = name + "-" + i;
        var request =
            HttpRequest.newBuilder(
                    URI.create(baseUrl + ACTIVITIES + "CustomActivity/Update?" + keys))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"ProspectActivityId\":\""
                            + activityId
                            + "\",\"Fields\":[{\"SchemaName\":\"mx_Custom_1\",\"Value\":\""
                            + value
                            + "\"}]}"))
                .build();
        try {
          var response = http.send(request, HttpResponse.BodyHandlers.ofString());
          if (response.statusCode() == 200) {
            acknowledged.add(value);
          } else {
            failures.add(value + " -> " + response.statusCode());
          }
        } catch (IOException e) {
          failures.add(value + " -> " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  @Test
  void sigtermToOneInstanceUnderLoad_losesNoAcknowledgedUpdate() throws Exception {
    try (TestDatabase database = TestDatabase.postgres();
        TestServer inProcess =
            TestServer.start(
                database,
                config ->
                    config.withRateLimits(
                        new LeadtrailConfig.RateLimits(
                            RateLimit.of(1_000_000, 1),
                            RateLimit.of(1_000_000, 1),
                            RateLimitStore.DATABASE,
                            config.rateLimits().redisUrl())))) {
      Tenant tenant = inProcess.newTenant("Stopping");
      inProcess.postJson(
          ACTIVITIES + "CreateType?" + tenant.keyQuery(),
          "{\"ActivityEventName\":\"Load\",\"Fields\":[{\"SchemaName\":\"mx_Custom_1\",\"DataType\":\"String\"}]}");
      String lead = inProcess.newLead(tenant, "Load");
      String onProcess = post(inProcess, tenant, lead);
      String onChild = post(inProcess, tenant, lead);

      try (ChildServer childServer =
          ChildServer.start(
              database, folder.resolve("child.log"), "--server.shutdown-timeout-seconds=20")) {
        Process child = childServer.process();
        String childUrl = childServer.baseUrl();
        Writer toProcess = new Writer(inProcess.baseUrl(), tenant.keyQuery(), onProcess, "p");
        Writer toChild = new Writer(childUrl, tenant.keyQuery(), onChild, "c");
        Thread first = Thread.ofPlatform().start(toProcess);
        Thread second = Thread.ofPlatform().start(toChild);

        Eventually.await(
            "the child has acknowledged updates",
            Duration.ofSeconds(30),
            () -> toChild.acknowledged.size() >= 40);
        child.destroy();
        assertThat(child.waitFor(30, TimeUnit.SECONDS))
            .as("the child stops within its timeout")
            .isTrue();
        int afterStop = toProcess.acknowledged.size();
        Eventually.await(
            "the other instance keeps serving",
            Duration.ofSeconds(30),
            () -> toProcess.acknowledged.size() >= afterStop + 20);
        toProcess.stop.set(true);
        toChild.stop.set(true);
        first.join();
        second.join();

        assertThat(toProcess.failures).isEmpty();
        assertAllInHistory(inProcess, tenant, onProcess, toProcess.acknowledged, false);
        assertAllInHistory(inProcess, tenant, onChild, toChild.acknowledged, true);
      }
    }
  }

  private static void assertAllInHistory(
      TestServer server,
      Tenant tenant,
      String activityId,
      List<String> acknowledged,
      boolean exactly) {
    JsonNode history =
        json(
            server.postJson(
                ACTIVITIES + "RetrieveActivityChange?" + tenant.keyQuery(),
                "{\"Parameter\":{\"FromDate\":\"2000-01-01 00:00:00\",\"ToDate\":\"2100-01-01"
                    + " 00:00:00\",\"ActivityID\":\""
                    + activityId
                    + "\"},\"Paging\":{\"PageSize\":1000}}"));
    Set<String> stored = new HashSet<>();
    history
        .get("Activities")
        .get(0)
        .get("Changes")
        .forEach(c -> stored.add(c.get("NewValue").asText()));
    assertThat(stored).as("every acknowledged update is stored").containsAll(acknowledged);
    if (exactly) {
      assertThat(stored)
          .as("every stored update was answered: none was cut off")
          .hasSameSizeAs(acknowledged);
    }
  }

  private static String post(TestServer server, Tenant tenant, String lead) {
    return json(server.postJson(
            ACTIVITIES + "Create?" + tenant.keyQuery(),
            "{\"RelatedProspectId\":\"" + lead + "\",\"ActivityEvent\":200}"))
        .get("Message")
        .get("Id")
        .asText();
  }

  private static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }
}
