package dev.leadtrail.scaleout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadtrail.testing.ChildServer;
import dev.leadtrail.testing.Eventually;
import dev.leadtrail.testing.FileOrigin;
import dev.leadtrail.testing.Tenant;
import dev.leadtrail.testing.TestDatabase;
import dev.leadtrail.testing.TestServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Asynchronous file fetches are jobs in the store: a {@code serve} process killed while its fetch
 * is in flight leaves the job, the next process runs it, and on PostgreSQL two instances run each
 * job once.
 */
class FileFetchKillTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ACTIVITIES = "/v2/ProspectActivity.svc/";
  private static final String TYPE =
      "{\"ActivityEventName\":\"Review\",\"Fields\":[{\"SchemaName\":\"mx_Custom_1\",\"DataType\":\"File\"}]}";
  private static final String[] FLAGS = {
    "--outbound.allow-hosts=127.0.0.1", "--outbound.timeout-seconds=2"
  };

  @TempDir Path folder;

  record Setup(Tenant tenant, List<String> activityIds) {}

  /** A tenant with a File type and {@code count} activities, made by a server that then stops. */
  private static Setup setUp(TestDatabase database, int count) {
    try (TestServer server = TestServer.start(database)) {
      Tenant tenant = server.newTenant("Fetches");
      server.postJson(ACTIVITIES + "CreateType?" + tenant.keyQuery(), TYPE);
      String lead = server.newLead(tenant, "Kim");
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        ids.add(server.newActivity(tenant, lead));
      }
      return new Setup(tenant, ids);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Store.class)
  void aKilledInstancesFetch_runsAgainAfterARestart(TestDatabase.Store store) throws Exception {
    try (TestDatabase database = TestDatabase.of(store, folder);
        FileOrigin origin = FileOrigin.start()) {
      Setup setup = setUp(database, 1);
      String activity = setup.activityIds().getFirst();
      Path log = folder.resolve("children.log");
      String url = origin.url("/hold/transcript.txt");

      try (ChildServer first = ChildServer.start(database, log, FLAGS)) {
        var response = update(first.baseUrl(), setup.tenant(), activity, url);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Eventually.await(
            "the first instance to start fetching",
            Duration.ofSeconds(10),
            () -> origin.requests("/hold/transcript.txt") == 1);
        first.kill();
      }
      origin.release();

      try (ChildServer second = ChildServer.start(database, log, FLAGS)) {
        Eventually.await(
            "the restarted instance to store the file",
            Duration.ofSeconds(40),
            () ->
                fileValue(second.baseUrl(), setup.tenant(), activity)
                    .matches("[0-9a-f]{32}\\.txt"));
        String name = fileValue(second.baseUrl(), setup.tenant(), activity);
        var download =
            send(
                HttpRequest.newBuilder(
                        URI.create(
                            second.baseUrl()
                                + "/File/Download?name="
                                + name
                                + "&"
                                + setup.tenant().keyQuery()))
                    .build());
        assertThat(download.body()).isEqualTo("content of transcript.txt");
      }
    }
  }

  @Test
  void twoInstancesOnPostgres_runEachFetchOnce() throws Exception {
    try (TestDatabase database = TestDatabase.postgres();
        FileOrigin origin = FileOrigin.start()) {
      Setup setup = setUp(database, 20);
      Path log = folder.resolve("pair.log");
      try (ChildServer one = ChildServer.start(database, log, FLAGS);
          ChildServer two = ChildServer.start(database, log, FLAGS)) {
        for (int i = 0; i < setup.activityIds().size(); i++) {
          String base = (i % 2 == 0 ? one : two).baseUrl();
          var response =
              update(
                  base,
                  setup.tenant(),
                  setup.activityIds().get(i),
                  origin.url("/files/f" + i + ".txt"));
          assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }
        for (String activity : setup.activityIds()) {
          Eventually.await(
              "every file stored",
              Duration.ofSeconds(30),
              () ->
                  fileValue(one.baseUrl(), setup.tenant(), activity).matches("[0-9a-f]{32}\\.txt"));
        }
      }
      for (int i = 0; i < setup.activityIds().size(); i++) {
        assertThat(origin.requests("/files/f" + i + ".txt")).as("fetches of f" + i).isEqualTo(1);
      }
    }
  }

  private static HttpResponse<String> update(
      String baseUrl, Tenant tenant, String activityId, String url) {
    return send(
        HttpRequest.newBuilder(
                URI.create(baseUrl + ACTIVITIES + "CustomActivity/Update?" + tenant.keyQuery()))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    """
                    {"ProspectActivityId":"%s","ProcessFilesAsync":true,
                     "Fields":[{"SchemaName":"mx_Custom_1","Value":"%s"}]}\
                    """
                        .formatted(activityId, url)))
            .build());
  }

  private static String fileValue(String baseUrl, Tenant tenant, String activityId) {
    var details =
        send(
            HttpRequest.newBuilder(
                    URI.create(
                        baseUrl
                            + ACTIVITIES
                            + "GetActivityDetails?activityId="
                            + activityId
                            + "&"
                            + tenant.keyQuery()))
                .build());
    try {
      for (JsonNode field : JSON.readTree(details.body()).get("Fields")) {
        if (field.get("SchemaName").asText().equals("mx_Custom_1")) {
          return field.get("Value").asText();
        }
      }
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + details.body(), e);
    }
    throw new AssertionError("no mx_Custom_1 in " + details.body());
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
