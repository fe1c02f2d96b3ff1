package dev.leadtrail.scaleout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadtrail.config.LeadtrailConfig;
import dev.leadtrail.testing.ChildServer;
import dev.leadtrail.testing.Eventually;
import dev.leadtrail.testing.Tenant;
import dev.leadtrail.testing.TestDatabase;
import dev.leadtrail.testing.TestServer;
import dev.leadtrail.testing.WebhookReceiver;
import dev.leadtrail.testing.WebhookReceiver.Received;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Webhook events live in the store's outbox: a {@code serve} process killed after the commit, with
 * the delivery in flight, leaves the event, and the next process delivers it with the same id; on
 * PostgreSQL two instances deliver each event once.
 */
class WebhookKillTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] FLAGS = {
    "--outbound.allow-hosts=127.0.0.1",
    "--outbound.timeout-seconds=2",
    "--webhooks.first-retry-seconds=0"
  };

  @TempDir Path folder;

  record Setup(Tenant tenant, List<String> activityIds) {}

  /**
   * A tenant with a type, {@code count} activities and a webhook on their updates posting to {@code
   * url}, made by a server that then stops.
   */
  private static Setup setUp(TestDatabase database, int count, String url) {
    try (TestServer server =
        TestServer.start(
            database,
            config ->
                config.withOutbound(
                    new LeadtrailConfig.Outbound(
                        List.of("127.0.0.1"),
                        config.outbound().connectTimeout(),
                        config.outbound().timeout())))) {
      Tenant tenant = server.newTenant("Webhooks");
      server.postJson(
          "/v2/ProspectActivity.svc/CreateType?" + tenant.keyQuery(),
          "{\"ActivityEventName\":\"Call\"}");
      String lead = server.newLead(tenant, "Kim");
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        ids.add(server.newActivity(tenant, lead));
      }
      var created =
          server.postJson(
              "/v2/Webhook.svc/Create?" + tenant.keyQuery(),
              "{\"URL\":\"" + url + "\",\"WebhookEvent\":\"15\"}");
      assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
      return new Setup(tenant, ids);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Store.class)
  void aKilledInstancesDelivery_isMadeAgainAfterARestart(TestDatabase.Store store)
      throws Exception {
    try (TestDatabase database = TestDatabase.of(store, folder);
        WebhookReceiver receiver = WebhookReceiver.start()) {
      Setup setup = setUp(database, 1, receiver.url("/killed"));
      Path log = folder.resolve("children.log");
      receiver.hang(1, Duration.ofSeconds(30));

      try (ChildServer first = ChildServer.start(database, log, FLAGS)) {
        var response = update(first.baseUrl(), setup.tenant(), setup.activityIds().getFirst(), 1);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Eventually.await(
            "the first instance to start delivering",
            Duration.ofSeconds(10),
            () -> receiver.received("/killed").size() == 1);
        first.kill();
      }

      try (ChildServer second = ChildServer.start(database, log, FLAGS)) {
        Eventually.await(
            "the restarted instance to deliver",
            Duration.ofSeconds(40),
            () -> receiver.received("/killed").size() >= 2);
      }
      List<Received> both = receiver.received("/killed");
      assertThat(both.get(1).header("webhook-id")).isEqualTo(both.get(0).header("webhook-id"));
      assertThat(JSON.readTree(both.get(1).body()).get("After").get("Note").asText())
          .isEqualTo("note 1");
    }
  }

  @Test
  void twoInstancesOnPostgres_deliverEachEventOnce() throws Exception {
    try (TestDatabase database = TestDatabase.postgres();
        WebhookReceiver receiver = WebhookReceiver.start()) {
      Setup setup = setUp(database, 20, receiver.url("/pair"));
      Path log = folder.resolve("pair.log");
      try (ChildServer one = ChildServer.start(database, log, FLAGS);
          ChildServer two = ChildServer.start(database, log, FLAGS)) {
        for (int i = 0; i < setup.activityIds().size(); i++) {
          String base = (i % 2 == 0 ? one : two).baseUrl();
          var response = update(base, setup.tenant(), setup.activityIds().get(i), i);
          assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }
        Eventually.await(
            "every event delivered",
            Duration.ofSeconds(30),
            () -> receiver.received("/pair").size() >= 20);
        Thread.sleep(1_500);
      }
      List<Received> delivered = receiver.received("/pair");
      Set<String> ids =
          delivered.stream().map(r -> r.header("webhook-id")).collect(Collectors.toSet());
      assertThat(delivered).hasSize(20);
      assertThat(ids).hasSize(20);
    }
  }

  private static HttpResponse<String> update(
      String baseUrl, Tenant tenant, String activityId, int n) {
    return send(
        HttpRequest.newBuilder(
                URI.create(
                    baseUrl
                        + "/v2/ProspectActivity.svc/CustomActivity/Update?"
                        + tenant.keyQuery()))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"ProspectActivityId\":\"%s\",\"ActivityNote\":\"note %d\"}"
                        .formatted(activityId, n)))
            .build());
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
