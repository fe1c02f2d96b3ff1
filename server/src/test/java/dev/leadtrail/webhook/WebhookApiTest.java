package dev.leadtrail.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadtrail.config.LeadtrailConfig;
import dev.leadtrail.testing.ApiTestCase;
import dev.leadtrail.testing.Eventually;
import dev.leadtrail.testing.StandardWebhooksVerifier;
import dev.leadtrail.testing.Tenant;
import dev.leadtrail.testing.WebhookReceiver;
import dev.leadtrail.testing.WebhookReceiver.Received;
import dev.leadtrail.user.Role;
import dev.leadtrail.user.UserId;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Contract section 9: Webhook.svc, the outbox, and signed, retried, ordered deliveries. */
abstract class WebhookApiTest extends ApiTestCase {

  private static final String WEBHOOKS = "/v2/Webhook.svc/";
  private static final String ACTIVITIES = "/v2/ProspectActivity.svc/";
  private static final String TYPE =
      """
      {"ActivityEventName":"Call","Fields":[{"SchemaName":"mx_Custom_1","DataType":"Number"}]}\
      """;
  private static final Duration SOON = Duration.ofSeconds(15);

  private WebhookReceiver receiver;

  @BeforeAll
  void startReceiver() {
    receiver = WebhookReceiver.start();
  }

  @AfterAll
  void stopReceiver() {
    receiver.close();
  }

  @Override
  protected LeadtrailConfig configure(LeadtrailConfig config) {
    return withoutRateLimits(config)
        .withOutbound(
            new LeadtrailConfig.Outbound(
                List.of("127.0.0.1"), Duration.ofSeconds(1), Duration.ofSeconds(1)))
        .withWebhooks(
            new LeadtrailConfig.Webhooks(
                3, Duration.ofMillis(100), Duration.ofMillis(300), 2, Duration.ofDays(1), 8));
  }

  /** A tenant with a type (event code 200), a lead and an activity on it. */
  private record Setup(Tenant tenant, String leadId, String activityId) {}

  private Setup setUp(String name) {
    Tenant tenant = server.newTenant(name);
    assertThat(activities(tenant, "CreateType", TYPE).statusCode()).isEqualTo(200);
    String lead = server.newLead(tenant, "Ann");
    return new Setup(tenant, lead, post(tenant, lead, 200));
  }

  private String post(Tenant tenant, String leadId, int eventCode) {
    var created =
        activities(
            tenant,
            "Create",
            "{\"RelatedProspectId\":\"%s\",\"ActivityEvent\":%d,\"ActivityNote\":\"first\"}"
                .formatted(leadId, eventCode));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    return json(created).get("Message").get("Id").asText();
  }

  private HttpResponse<String> activities(Tenant tenant, String operation, String body) {
    return server.postJson(ACTIVITIES + operation + "?" + tenant.keyQuery(), body);
  }

  private HttpResponse<String> update(Setup setup, String note, String number) {
    return activities(
        setup.tenant(),
        "CustomActivity/Update",
        """
        {"ProspectActivityId":"%s","ActivityNote":"%s",
         "Fields":[{"SchemaName":"mx_Custom_1","Value":"%s"}]}\
        """
            .formatted(setup.activityId(), note, number));
  }

  private HttpResponse<String> webhooks(Tenant tenant, String operation, String body) {
    String separator = operation.contains("?") ? "&" : "?";
    return server.postJson(WEBHOOKS + operation + separator + tenant.keyQuery(), body);
  }

  private HttpResponse<String> webhooksGet(Tenant tenant, String operation) {
    String separator = operation.contains("?") ? "&" : "?";
    return server.get(WEBHOOKS + operation + separator + tenant.keyQuery());
  }

  record Made(String id, String secret) {}

  private Made create(Tenant tenant, WebhookReceiver to, String path, int event, String extra) {
    var created =
        webhooks(
            tenant,
            "Create",
            """
            {"Description":"test","URL":"%s","Method":"POST",
             "WebhookEvent":"%d","IsSpecificLandingPage":false,"NotifyOnFailure":true%s}\
            """
                .formatted(to.url(path), event, extra));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    JsonNode answer = json(created);
    return new Made(answer.get("Message").get("Id").asText(), answer.get("SigningSecret").asText());
  }

  private JsonNode retrieve(Tenant tenant, String body) {
    var response = webhooks(tenant, "Retrieve", body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response);
  }

  private JsonNode deliveries(Tenant tenant, String webhookId) {
    var response = webhooksGet(tenant, "Deliveries?webhookId=" + webhookId);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response);
  }

  private List<Received> awaitDeliveries(WebhookReceiver at, String path, int count) {
    Eventually.await(
        count + " deliveries at " + path, SOON, () -> at.received(path).size() >= count);
    return at.received(path);
  }

  /** Waits until the webhook's latest event is stored as delivered. */
  private void awaitLatestDelivered(Tenant tenant, String webhookId) {
    Eventually.await(
        "the latest event delivered",
        SOON,
        () ->
            deliveries(tenant, webhookId)
                .get("Events")
                .get(0)
                .get("State")
                .asText()
                .equals("Delivered"));
  }

  private static JsonNode body(Received delivery) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(delivery.body());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + delivery.body(), e);
    }
  }

  @Test
  void create_answersTheIdAndASecretShownOnce_andRetrieveListsItWithoutTheSecret() {
    Setup setup = setUp("Lifecycle");
    Made made =
        create(
            setup.tenant(),
            receiver,
            "/lifecycle",
            15,
            ",\"WebhookProperties\":\"{\\\"ActivityEvent\\\":\\\"200\\\"}\","
                + "\"CustomHeaders\":[{\"Key\":\"x-api-key\",\"Value\":\"k1\"}]");

    assertThat(made.id()).matches("[0-9a-f-]{36}");
    assertThat(made.secret()).startsWith("whsec_");
    assertThat(java.util.Base64.getDecoder().decode(made.secret().substring(6))).hasSize(32);
    var listed = webhooks(setup.tenant(), "Retrieve", "{}");
    assertThat(listed.body()).doesNotContain(made.secret().substring(6));
    JsonNode answer = json(listed);
    assertThat(answer.get("RecordCount").asInt()).isEqualTo(1);
    JsonNode webhook = answer.get("Response").get(0);
    assertThat(webhook.get("WebhookId").asText()).isEqualTo(made.id());
    assertThat(webhook.get("EventCode").asText()).isEqualTo("LeadActivity_Post_Update");
    assertThat(webhook.get("URL").asText()).isEqualTo(receiver.url("/lifecycle"));
    assertThat(webhook.get("Description").asText()).isEqualTo("test");
    assertThat(webhook.get("WebhookProperties").asText()).isEqualTo("{\"ActivityEvent\":\"200\"}");
    assertThat(webhook.get("StatusCode").asInt()).isZero();
    assertThat(webhook.get("CustomHeaders").get(0).get("Key").asText()).isEqualTo("x-api-key");
  }

  @Test
  void updateStatusUpdateAndDelete_changeTheWebhook_andFiltersFindIt() {
    Tenant tenant = server.newTenant("Changes");
    Made lead = create(tenant, receiver, "/changes", 3, "");
    Made activity = create(tenant, receiver, "/changes", 2, "");

    var disabled =
        webhooks(tenant, "UpdateStatus", "{\"WebhookId\":\"" + lead.id() + "\",\"StatusCode\":1}");
    assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
    JsonNode byStatus = retrieve(tenant, "{\"Parameter\":{\"StatusCode\":1}}");
    assertThat(byStatus.get("RecordCount").asInt()).isEqualTo(1);
    assertThat(byStatus.get("Response").get(0).get("WebhookId").asText()).isEqualTo(lead.id());
    JsonNode byEvent =
        retrieve(tenant, "{\"Parameter\":{\"WebhookEvent\":\"LeadActivity_Post_Create\"}}");
    assertThat(byEvent.get("Response").get(0).get("WebhookId").asText()).isEqualTo(activity.id());

    var updated =
        webhooks(
            tenant,
            "Update",
            """
            {"WebhookId":"%s","Description":"now on lead updates","URL":"%s",
             "ContentType":"text/plain","WebhookEvent":"6"}\
            """
                .formatted(lead.id(), receiver.url("/elsewhere")));
    assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
    JsonNode changed =
        retrieve(tenant, "{\"Parameter\":{\"WebhookId\":\"" + lead.id() + "\"}}")
            .get("Response")
            .get(0);
    assertThat(changed.get("EventCode").asText()).isEqualTo("Lead_Post_Update");
    assertThat(changed.get("ContentType").asText()).isEqualTo("text/plain");
    assertThat(changed.get("Description").asText()).isEqualTo("now on lead updates");
    assertThat(changed.get("StatusCode").asInt()).isEqualTo(1);

    assertThat(webhooksGet(tenant, "Delete?webhookId=" + lead.id()).statusCode()).isEqualTo(200);
    assertThat(retrieve(tenant, "{}").get("RecordCount").asInt()).isEqualTo(1);
    var again = webhooksGet(tenant, "Delete?webhookId=" + lead.id());
    assertThat(again.statusCode()).isEqualTo(500);
    assertThat(json(again).get("ExceptionType").asText()).isEqualTo("MXInvalidEntityException");
  }

  @Test
  void badCreates_areRefusedClearly_andMakeNothing() {
    Tenant tenant = server.newTenant("Refusals");
    String good = receiver.url("/refused");
    String manyHeaders =
        IntStream.range(0, 4_000)
            .mapToObj(i -> "{\"Key\":\"x-h" + i + "\",\"Value\":\"v\"}")
            .reduce((a, b) -> a + "," + b)
            .orElseThrow();
    List<String> bodies =
        List.of(
            "{\"URL\":\"http://169.254.169.254/latest\",\"WebhookEvent\":\"15\"}",
            "{\"URL\":\"http://10.1.2.3/hook\",\"WebhookEvent\":\"15\"}",
            "{\"URL\":\"ftp://example.com/hook\",\"WebhookEvent\":\"15\"}",
            "{\"URL\":\"" + good + "\",\"WebhookEvent\":\"99\"}",
            "{\"URL\":\"" + good + "\",\"WebhookEvent\":\"15\",\"WebhookProperties\":\"not json\"}",
            "{\"URL\":\""
                + good
                + "\",\"WebhookEvent\":\"15\",\"CustomHeaders\":["
                + manyHeaders
                + "]}",
            "{\"URL\":\""
                + good
                + "\",\"WebhookEvent\":\"15\",\"CustomHeaders\":[{\"Key\":\"x-a\",\"Value\":\"a\\r\\nInjected: yes\"}]}",
            "{\"URL\":\""
                + good
                + "\",\"WebhookEvent\":\"15\",\"CustomHeaders\":[{\"Key\":\"x\\na\",\"Value\":\"a\"}]}",
            "{\"URL\":\""
                + good
                + "\",\"WebhookEvent\":\"15\",\"CustomHeaders\":[{\"Key\":\"webhook-signature\",\"Value\":\"v1,forged\"}]}",
            "{\"URL\":\"" + good + "\",\"WebhookEvent\":\"15\",\"Method\":\"GET\"}",
            "{\"URL\":\""
                + good
                + "\",\"WebhookEvent\":\"15\",\"ContentType\":\"application/xml\"}",
            "{\"WebhookEvent\":\"15\"}",
            "{\"URL\":\""
                + good
                + "\",\"WebhookEvent\":\"3\",\"WebhookProperties\":\"{\\\"ActivityEvent\\\":\\\"200\\\"}\"}");
    for (String body : bodies) {
      var response = webhooks(tenant, "Create", body);
      assertThat(response.statusCode())
          .as(body.length() > 300 ? "4,000 headers" : body)
          .isEqualTo(500);
      assertThat(json(response).get("ExceptionType").asText()).isEqualTo("MXInvalidInputException");
      assertThat(response.body()).doesNotContain("Exception:").doesNotContain("at dev.");
    }
    assertThat(retrieve(tenant, "{}").get("RecordCount").asInt()).isZero();
  }

  @Test
  void onlyAdministrators_manageWebhooks() {
    Tenant tenant = server.newTenant("Roles");
    var user =
        server
            .leadtrail()
            .users()
            .create(
                tenant.orgId(),
                UserId.random(),
                "Sam",
                "Sales",
                "sam@roles.example.com",
                Role.SALES_USER);
    var keys = server.leadtrail().apiKeys().issue(tenant.orgId(), user.id());
    var response =
        server.postJson(
            WEBHOOKS + "Create?accessKey=" + keys.accessKey() + "&secretKey=" + keys.secretKey(),
            "{\"URL\":\"" + receiver.url("/roles") + "\",\"WebhookEvent\":\"15\"}");
    assertThat(json(response).get("ExceptionType").asText())
        .isEqualTo("MXUnAuthorizedAccessException");
    assertThat(retrieve(tenant, "{}").get("RecordCount").asInt()).isZero();
  }

  @Test
  void anotherTenantsWebhook_isAnsweredExactlyAsAnUnknownOne() {
    Tenant owner = server.newTenant("Owner");
    Tenant other = server.newTenant("Other");
    Made made = create(owner, receiver, "/owner", 15, "");
    String unknown = "0f0f0f0f-0000-4000-8000-000000000000";

    assertThat(retrieve(other, "{}").get("RecordCount").asInt()).isZero();
    for (String operation : List.of("Delete?webhookId=", "Deliveries?webhookId=")) {
      var foreign = webhooksGet(other, operation + made.id());
      var missing = webhooksGet(other, operation + unknown);
      assertThat(foreign.statusCode()).isEqualTo(missing.statusCode()).isEqualTo(500);
      assertThat(foreign.body()).isEqualTo(missing.body().replace(unknown, made.id()));
    }
    var foreignStatus =
        webhooks(other, "UpdateStatus", "{\"WebhookId\":\"" + made.id() + "\",\"StatusCode\":1}");
    assertThat(foreignStatus.statusCode()).isEqualTo(500);
    assertThat(webhooks(other, "RotateSecret?webhookId=" + made.id(), "").statusCode())
        .isEqualTo(500);
    assertThat(retrieve(owner, "{}").get("Response").get(0).get("StatusCode").asInt()).isZero();
  }

  @Test
  void anUpdate_isDeliveredSigned_withLeadSquaredsQueryAndBody_andBeforeAndAfter() {
    Setup setup = setUp("Delivery");
    Made made =
        create(
            setup.tenant(),
            receiver,
            "/delivery",
            15,
            ",\"CustomHeaders\":[{\"Key\":\"x-api-key\",\"Value\":\"k1\"},{\"Key\":\"x-api-key\",\"Value\":\"k2\"}]");

    assertThat(update(setup, "second", "42").statusCode()).isEqualTo(200);

    Received delivery = awaitDeliveries(receiver, "/delivery", 1).getFirst();
    assertThat(delivery.method()).isEqualTo("POST");
    assertThat(delivery.query())
        .isEqualTo(
            "entityType=webhook&entityId=" + made.id() + "&eventType=LeadActivity_Post_Update");
    assertThat(delivery.header("content-type")).startsWith("application/json");
    assertThat(delivery.headers().get("x-api-key")).containsExactly("k1", "k2");
    assertThat(delivery.header("webhook-id")).startsWith("msg_");
    assertThat(StandardWebhooksVerifier.verifies(made.secret(), delivery)).isTrue();
    assertThat(StandardWebhooksVerifier.verifies("whsec_" + "A".repeat(44), delivery)).isFalse();
    JsonNode payload = body(delivery);
    assertThat(payload.get("ProspectActivityId").asText()).isEqualTo(setup.activityId());
    assertThat(payload.get("RelatedProspectId").asText()).isEqualTo(setup.leadId());
    assertThat(payload.get("ActivityEvent").asText()).isEqualTo("200");
    assertThat(payload.get("ActivityEventName").asText()).isEqualTo("Call");
    assertThat(payload.get("ModifiedBy").asText()).isEqualTo(setup.tenant().userId().value());
    assertThat(payload.get("Data").get("mx_Custom_1").asText()).isEqualTo("42");
    assertThat(payload.get("Data").get("Note").asText()).isEqualTo("second");
    assertThat(payload.get("Before").get("Note").asText()).isEqualTo("first");
    assertThat(payload.get("After").get("Note").asText()).isEqualTo("second");
    assertThat(payload.get("Before").get("mx_Custom_1").asText()).isEmpty();
    assertThat(payload.get("After").get("mx_Custom_1").asText()).isEqualTo("42");

    awaitLatestDelivered(setup.tenant(), made.id());
    JsonNode listed = deliveries(setup.tenant(), made.id());
    assertThat(listed.get("Events").get(0).get("EventId").asText())
        .isEqualTo(delivery.header("webhook-id"));
    assertThat(listed.get("Attempts").get(0).get("HttpStatus").asInt()).isEqualTo(200);
  }

  @Test
  void activityAndLeadEvents_goToTheWebhooksThatSubscribe_narrowedByActivityType() {
    Setup setup = setUp("Events");
    Tenant tenant = setup.tenant();
    assertThat(activities(tenant, "CreateType", TYPE.replace("Call", "Visit")).statusCode())
        .isEqualTo(200);
    create(
        tenant,
        receiver,
        "/events/created-200",
        2,
        ",\"WebhookProperties\":\"{\\\"ActivityEvent\\\":\\\"200\\\"}\"");
    create(tenant, receiver, "/events/created-any", 2, "");
    create(tenant, receiver, "/events/lead-created", 3, "");
    create(tenant, receiver, "/events/lead-updated", 6, "");

    post(tenant, setup.leadId(), 201);
    String onCall = post(tenant, setup.leadId(), 200);
    String newLead = server.newLead(tenant, "Bea");
    var leadUpdate =
        server.postJson(
            "/v2/LeadManagement.svc/Lead.Update?leadId=" + newLead + "&" + tenant.keyQuery(),
            "[{\"Attribute\":\"FirstName\",\"Value\":\"Beatrice\"}]");
    assertThat(leadUpdate.statusCode()).as(leadUpdate.body()).isEqualTo(200);

    assertThat(awaitDeliveries(receiver, "/events/created-any", 2)).hasSize(2);
    List<Received> narrowed = awaitDeliveries(receiver, "/events/created-200", 1);
    JsonNode lead = body(awaitDeliveries(receiver, "/events/lead-created", 1).getFirst());
    JsonNode leadChange = body(awaitDeliveries(receiver, "/events/lead-updated", 1).getFirst());
    assertThat(narrowed).hasSize(1);
    assertThat(body(narrowed.getFirst()).get("ProspectActivityId").asText()).isEqualTo(onCall);
    assertThat(narrowed.getFirst().query()).endsWith("eventType=LeadActivity_Post_Create");
    assertThat(lead.get("ProspectID").asText()).isEqualTo(newLead);
    assertThat(lead.get("FirstName").asText()).isEqualTo("Bea");
    assertThat(leadChange.get("FirstName").asText()).isEqualTo("Beatrice");
    assertThat(leadChange.get("Before").get("FirstName").asText()).isEqualTo("Bea");
    assertThat(leadChange.get("After").get("FirstName").asText()).isEqualTo("Beatrice");
  }

  @Test
  void formAndTextContentTypes_carryThePayloadInThatFormat() {
    Setup setup = setUp("Formats");
    var form =
        create(
            setup.tenant(),
            receiver,
            "/formats/form",
            15,
            ",\"ContentType\":\"application/x-www-form-urlencoded\"");
    create(setup.tenant(), receiver, "/formats/text", 15, ",\"ContentType\":\"text/plain\"");

    update(setup, "a & b", "7");

    Received asForm = awaitDeliveries(receiver, "/formats/form", 1).getFirst();
    Received asText = awaitDeliveries(receiver, "/formats/text", 1).getFirst();
    assertThat(asForm.header("content-type")).startsWith("application/x-www-form-urlencoded");
    assertThat(StandardWebhooksVerifier.verifies(form.secret(), asForm)).isTrue();
    List<String> pairs = List.of(asForm.body().split("&"));
    assertThat(pairs).contains("ProspectActivityId=" + setup.activityId());
    String data =
        pairs.stream()
            .filter(pair -> pair.startsWith("Data="))
            .map(pair -> URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8))
            .findFirst()
            .orElseThrow();
    assertThat(data).contains("\"Note\":\"a & b\"");
    assertThat(asText.header("content-type")).startsWith("text/plain");
    assertThat(body(asText).get("Data").get("Note").asText()).isEqualTo("a & b");
  }

  @Test
  void aReceiverThatFailsOnce_getsTheEventAgain_withTheSameId() {
    try (WebhookReceiver flaky = WebhookReceiver.start()) {
      Setup setup = setUp("Retry");
      Made made = create(setup.tenant(), flaky, "/retry", 15, "");
      flaky.fail(1, 500);

      update(setup, "retried", "1");

      List<Received> both = awaitDeliveries(flaky, "/retry", 2);
      assertThat(both).hasSize(2);
      assertThat(both.get(0).header("webhook-id")).isEqualTo(both.get(1).header("webhook-id"));
      assertThat(StandardWebhooksVerifier.verifies(made.secret(), both.get(1))).isTrue();
      awaitLatestDelivered(setup.tenant(), made.id());
      JsonNode attempts = deliveries(setup.tenant(), made.id()).get("Attempts");
      assertThat(attempts).hasSize(2);
      assertThat(attempts.get(0).get("HttpStatus").asInt()).isEqualTo(200);
      assertThat(attempts.get(1).get("HttpStatus").asInt()).isEqualTo(500);
      assertThat(attempts.get(1).get("Error").asText()).contains("500");
    }
  }

  @Test
  void aReceiverThatHangs_isTimedOut_andTriedAgain() {
    try (WebhookReceiver slow = WebhookReceiver.start()) {
      Setup setup = setUp("Hang");
      Made made = create(setup.tenant(), slow, "/hang", 15, "");
      slow.hang(1, Duration.ofSeconds(4));

      update(setup, "slow", "1");

      awaitDeliveries(slow, "/hang", 2);
      awaitLatestDelivered(setup.tenant(), made.id());
      JsonNode attempts = deliveries(setup.tenant(), made.id()).get("Attempts");
      assertThat(attempts.get(1).get("HttpStatus").isNull()).isTrue();
      assertThat(attempts.get(1).get("Error").asText()).contains("did not answer in time");
    }
  }

  @Test
  void aReceiverDownLongerThanTheTries_disablesTheWebhook_andKeepsWhatIsPending() {
    try (WebhookReceiver gone = WebhookReceiver.start()) {
      Setup setup = setUp("Down");
      Made made = create(setup.tenant(), gone, "/down", 15, "");
      gone.down(true);

      for (int i = 1; i <= 3; i++) {
        assertThat(update(setup, "note " + i, String.valueOf(i)).statusCode()).isEqualTo(200);
      }

      Eventually.await(
          "the webhook disabled after two failed events",
          SOON,
          () ->
              retrieve(setup.tenant(), "{}").get("Response").get(0).get("StatusCode").asInt() == 2);
      int sent = gone.received("/down").size();
      assertThat(sent).isEqualTo(6);
      assertThat(update(setup, "while disabled", "4").statusCode()).isEqualTo(200);
      JsonNode events = deliveries(setup.tenant(), made.id()).get("Events");
      assertThat(events).hasSize(3);
      assertThat(events.get(0).get("State").asText()).isEqualTo("Pending");
      assertThat(events.get(1).get("State").asText()).isEqualTo("Failed");
      assertThat(events.get(2).get("State").asText()).isEqualTo("Failed");
      assertThat(events.get(2).get("LastError").asText()).contains("500");
      sleep(Duration.ofMillis(800));
      assertThat(gone.received("/down")).hasSize(sent);

      gone.down(false);
      var enabled =
          webhooks(
              setup.tenant(),
              "UpdateStatus",
              "{\"WebhookId\":\"" + made.id() + "\",\"StatusCode\":0}");
      assertThat(enabled.statusCode()).isEqualTo(200);
      List<Received> after = awaitDeliveries(gone, "/down", sent + 1);
      assertThat(body(after.get(sent)).get("After").get("Note").asText()).isEqualTo("note 3");
      String failedId = events.get(2).get("EventId").asText();
      var again =
          webhooks(setup.tenant(), "Redeliver?webhookId=" + made.id() + "&eventId=" + failedId, "");
      assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
      Received redelivered = awaitDeliveries(gone, "/down", sent + 2).get(sent + 1);
      assertThat(redelivered.header("webhook-id")).isEqualTo(failedId);
      assertThat(body(redelivered).get("After").get("Note").asText()).isEqualTo("note 1");
    }
  }

  @Test
  void anUpdateThatFailsValidation_writesNoEvent() {
    Setup setup = setUp("Invalid");
    Made made = create(setup.tenant(), receiver, "/invalid", 15, "");

    var refused = update(setup, "never", "not a number");
    assertThat(refused.statusCode()).isEqualTo(500);

    sleep(Duration.ofMillis(500));
    assertThat(receiver.received("/invalid")).isEmpty();
    assertThat(deliveries(setup.tenant(), made.id()).get("Events")).isEmpty();
  }

  @Test
  void concurrentUpdatesOfOneActivity_areDeliveredInCommitOrder() throws Exception {
    Setup setup = setUp("Order");
    create(setup.tenant(), receiver, "/order", 15, "");
    var start = new CountDownLatch(1);
    try (var pool = Executors.newFixedThreadPool(8)) {
      List<java.util.concurrent.Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        int n = i;
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return update(setup, "note " + n, String.valueOf(n)).statusCode();
                }));
      }
      start.countDown();
      for (var result : results) {
        assertThat(result.get()).isEqualTo(200);
      }
    }

    List<Received> delivered = awaitDeliveries(receiver, "/order", 8);
    assertThat(delivered).hasSize(8);
    String previous = "first";
    Set<String> notes = new HashSet<>();
    for (Received delivery : delivered) {
      JsonNode payload = body(delivery);
      assertThat(payload.get("Before").get("Note").asText())
          .as("each event follows the one before")
          .isEqualTo(previous);
      previous = payload.get("After").get("Note").asText();
      notes.add(previous);
    }
    assertThat(notes).hasSize(8);
  }

  @Test
  void aRotatedSecret_signsTheNextDelivery() {
    Setup setup = setUp("Rotate");
    Made made = create(setup.tenant(), receiver, "/rotate", 15, "");
    var rotated = webhooks(setup.tenant(), "RotateSecret?webhookId=" + made.id(), "");
    assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
    String secret = json(rotated).get("SigningSecret").asText();
    assertThat(secret).startsWith("whsec_").isNotEqualTo(made.secret());

    update(setup, "rotated", "3");

    Received delivery = awaitDeliveries(receiver, "/rotate", 1).getFirst();
    assertThat(StandardWebhooksVerifier.verifies(secret, delivery)).isTrue();
    assertThat(StandardWebhooksVerifier.verifies(made.secret(), delivery)).isFalse();
  }

  @Test
  void anOrganisationWithoutWebhooks_writesNoEvents() {
    Setup setup = setUp("Quiet");
    Tenant elsewhere = server.newTenant("Elsewhere");
    Made theirs = create(elsewhere, receiver, "/quiet", 15, "");

    assertThat(update(setup, "quiet", "5").statusCode()).isEqualTo(200);

    sleep(Duration.ofMillis(300));
    assertThat(receiver.received("/quiet")).isEmpty();
    assertThat(deliveries(elsewhere, theirs.id()).get("Events")).isEmpty();
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
