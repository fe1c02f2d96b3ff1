package dev.leadtrail.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.leadtrail.error.RuleViolationException;
import dev.leadtrail.http.ApiCall;
import dev.leadtrail.http.ApiEndpoints;
import dev.leadtrail.http.ApiRoute;
import dev.leadtrail.http.ApiTime;
import dev.leadtrail.http.JsonValues;
import dev.leadtrail.http.Success;
import dev.leadtrail.user.Caller;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * LeadSquared's {@code Webhook.svc} calls (contract section 9), and Leadtrail's own beside them:
 * {@code UpdateStatus}, {@code RotateSecret}, {@code Deliveries} and {@code Redeliver}.
 */
public final class WebhookEndpoints implements ApiEndpoints<Caller> {

  private static final String SERVICE = "Webhook.svc/";
  private static final int DEFAULT_PAGE_SIZE = 25;
  private static final int MAX_LISTED = 1_000;

  /** A Create or RotateSecret answer: the secret is shown here only. */
  @JsonPropertyOrder({"Status", "Message", "SigningSecret"})
  record WithSecret(
      @JsonProperty("Status") String status,
      @JsonProperty("Message") Success.Message message,
      @JsonProperty("SigningSecret") String signingSecret) {

    static WithSecret of(WebhookId id, String secret) {
      return new WithSecret("Success", Success.withId(id.value()).message(), secret);
    }
  }

  @JsonInclude(JsonInclude.Include.ALWAYS)
  record WebhookView(
      @JsonProperty("WebhookId") String webhookId,
      @JsonProperty("EventCode") String eventCode,
      @JsonProperty("WebhookEvent") String webhookEvent,
      @JsonProperty("URL") String url,
      @JsonProperty("Description") String description,
      @JsonProperty("Method") String method,
      @JsonProperty("ContentType") String contentType,
      @JsonProperty("WebhookProperties") String webhookProperties,
      @JsonProperty("CustomHeaders") List<CustomHeader> customHeaders,
      @JsonProperty("NotifyOnFailure") boolean notifyOnFailure,
      @JsonProperty("StatusCode") int statusCode,
      @JsonProperty("CreatedOn") String createdOn,
      @JsonProperty("ModifiedOn") String modifiedOn) {

    static WebhookView of(Webhook webhook) {
      return new WebhookView(
          webhook.id().value(),
          webhook.event().wireName(),
          String.valueOf(webhook.event().code()),
          webhook.url(),
          webhook.description(),
          "POST",
          webhook.contentType().mediaType(),
          webhook.properties(),
          webhook.headers(),
          webhook.notifyOnFailure(),
          webhook.status().code(),
          ApiTime.format(webhook.createdAt()),
          ApiTime.format(webhook.modifiedAt()));
    }
  }

  record RetrieveView(
      @JsonProperty("RecordCount") int recordCount,
      @JsonProperty("Response") List<WebhookView> response) {}

  @JsonInclude(JsonInclude.Include.ALWAYS)
  record EventView(
      @JsonProperty("EventId") String eventId,
      @JsonProperty("EventCode") String eventCode,
      @JsonProperty("Subject") String subject,
      @JsonProperty("State") String state,
      @JsonProperty("Tries") int tries,
      @JsonProperty("CreatedOn") String createdOn,
      @JsonProperty("NextTryOn") String nextTryOn,
      @JsonProperty("DeliveredOn") String deliveredOn,
      @JsonProperty("LastError") String lastError) {

    static EventView of(WebhookEventRepository.Listed event) {
      String state =
          switch (event.state()) {
            case WebhookEventRepository.PENDING -> "Pending";
            case WebhookEventRepository.DELIVERED -> "Delivered";
            default -> "Failed";
          };
      return new EventView(
          event.id(),
          event.event().wireName(),
          event.subject(),
          state,
          event.tries(),
          ApiTime.format(event.createdAt()),
          event.state() == WebhookEventRepository.PENDING
              ? ApiTime.format(event.nextTryAt())
              : null,
          formatted(event.deliveredAt()),
          event.lastError());
    }
  }

  @JsonInclude(JsonInclude.Include.ALWAYS)
  record AttemptView(
      @JsonProperty("AttemptedOn") String attemptedOn,
      @JsonProperty("EventId") String eventId,
      @JsonProperty("HttpStatus") Integer httpStatus,
      @JsonProperty("DurationMs") int durationMs,
      @JsonProperty("Error") String error) {

    static AttemptView of(WebhookEventRepository.Attempt attempt) {
      return new AttemptView(
          ApiTime.format(attempt.attemptedAt()),
          attempt.eventId(),
          attempt.statusCode(),
          attempt.durationMs(),
          attempt.error());
    }
  }

  record DeliveriesView(
      @JsonProperty("Events") List<EventView> events,
      @JsonProperty("Attempts") List<AttemptView> attempts) {}

  private final WebhookService webhooks;

  public WebhookEndpoints(WebhookService webhooks) {
    this.webhooks = webhooks;
  }

  @Override
  public List<ApiRoute<Caller>> routes() {
    return List.of(
        ApiRoute.write(SERVICE + "Create", this::create),
        ApiRoute.write(SERVICE + "Update", this::update),
        ApiRoute.read(SERVICE + "Retrieve", this::retrieve),
        ApiRoute.get(SERVICE + "Delete", this::delete),
        ApiRoute.write(SERVICE + "UpdateStatus", this::updateStatus),
        ApiRoute.read(SERVICE + "RotateSecret", this::rotateSecret),
        ApiRoute.get(SERVICE + "Deliveries", this::deliveries),
        ApiRoute.read(SERVICE + "Redeliver", this::redeliver));
  }

  private void create(ApiCall<Caller> call) {
    WebhookService.Made made = webhooks.create(call.caller(), WebhookDraft.from(call.objectBody()));
    call.respond(WithSecret.of(made.id(), made.secret()));
  }

  private void update(ApiCall<Caller> call) {
    ObjectNode body = call.objectBody();
    WebhookId id =
        WebhookId.parse(JsonValues.scalarText(body.get("WebhookId"), "WebhookId"), "WebhookId");
    webhooks.update(call.caller(), id, WebhookDraft.from(body));
    call.respond(Success.withId(id.value()));
  }

  private void retrieve(ApiCall<Caller> call) {
    ObjectNode body = call.objectBody();
    JsonNode parameter = body.get("Parameter");
    JsonNode paging = body.get("Paging");
    JsonNode sorting = body.get("Sorting");
    var filter =
        new WebhookRepository.Filter(
            optional(parameter, "Parameter", "WebhookEvent")
                .map(text -> WebhookEvent.parse(text, "WebhookEvent"))
                .orElse(null),
            optional(parameter, "Parameter", "StatusCode")
                .map(WebhookEndpoints::status)
                .orElse(null),
            optional(parameter, "Parameter", "WebhookId")
                .map(text -> WebhookId.parse(text, "WebhookId"))
                .orElse(null),
            optional(parameter, "Parameter", "SearchText").orElse(null),
            !optional(sorting, "Sorting", "Direction").map("0"::equals).orElse(false));
    int index = positive(paging, "PageIndex", 1, Integer.MAX_VALUE);
    int size = positive(paging, "PageSize", DEFAULT_PAGE_SIZE, WebhookService.MAX_PER_ORGANISATION);
    List<Webhook> found = webhooks.retrieve(call.caller(), filter);
    long from = (long) (index - 1) * size;
    List<WebhookView> page = found.stream().skip(from).limit(size).map(WebhookView::of).toList();
    call.respond(new RetrieveView(found.size(), page));
  }

  private void delete(ApiCall<Caller> call) {
    WebhookId id = webhookIdFromQuery(call);
    webhooks.delete(call.caller(), id);
    call.respond(Success.withId(id.value()));
  }

  private void updateStatus(ApiCall<Caller> call) {
    ObjectNode body = call.objectBody();
    WebhookId id =
        WebhookId.parse(JsonValues.scalarText(body.get("WebhookId"), "WebhookId"), "WebhookId");
    Integer status = JsonValues.optionalInteger(body.get("StatusCode"), "StatusCode");
    if (status == null) {
      throw RuleViolationException.invalidInput(
          "StatusCode", "Use 0 to enable the webhook or 1 to disable it.");
    }
    webhooks.setStatus(call.caller(), id, status);
    call.respond(Success.withId(id.value()));
  }

  private void rotateSecret(ApiCall<Caller> call) {
    call.objectBody(); // nothing is read from it, but it is a JSON object if sent
    WebhookId id = webhookIdFromQuery(call);
    call.respond(WithSecret.of(id, webhooks.rotateSecret(call.caller(), id)));
  }

  private void deliveries(ApiCall<Caller> call) {
    WebhookId id = webhookIdFromQuery(call);
    int limit =
        call.query("limit")
            .map(text -> JsonValues.optionalInteger(TextNode.valueOf(text), "limit"))
            .orElse(100);
    if (limit < 1 || limit > MAX_LISTED) {
      throw RuleViolationException.invalidInput("limit", "List 1 to " + MAX_LISTED + ".");
    }
    WebhookService.Deliveries found = webhooks.deliveries(call.caller(), id, limit);
    call.respond(
        new DeliveriesView(
            found.events().stream().map(EventView::of).toList(),
            found.attempts().stream().map(AttemptView::of).toList()));
  }

  private void redeliver(ApiCall<Caller> call) {
    call.objectBody(); // nothing is read from it, but it is a JSON object if sent
    WebhookId id = webhookIdFromQuery(call);
    String eventId =
        call.query("eventId")
            .map(String::strip)
            .filter(text -> !text.isEmpty() && text.length() <= 100)
            .orElseThrow(
                () ->
                    RuleViolationException.invalidInput(
                        "eventId", "Name the event to deliver again."));
    webhooks.redeliver(call.caller(), id, eventId);
    call.respond(Success.withId(eventId));
  }

  private static WebhookId webhookIdFromQuery(ApiCall<Caller> call) {
    return WebhookId.parse(call.query("webhookId").orElse(null), "webhookId");
  }

  /** A text value of the {@code Parameter} or {@code Sorting} object, if given. */
  private static Optional<String> optional(JsonNode parent, String parentName, String name) {
    if (parent == null || parent.isNull() || parent.isMissingNode()) {
      return Optional.empty();
    }
    JsonValues.object(parent, parentName);
    String text = JsonValues.scalarText(parent.get(name), name, 1_000);
    return text == null || text.isBlank() ? Optional.empty() : Optional.of(text.strip());
  }

  private static int positive(JsonNode paging, String name, int absent, int max) {
    if (paging == null || paging.isNull() || paging.isMissingNode()) {
      return absent;
    }
    Integer value = JsonValues.optionalInteger(JsonValues.object(paging, "Paging").get(name), name);
    if (value == null) {
      return absent;
    }
    if (value < 1 || value > max) {
      throw RuleViolationException.invalidInput(name, "Use 1 to " + max + ".");
    }
    return value;
  }

  private static WebhookStatus status(String text) {
    try {
      return WebhookStatus.ofCode(Integer.parseInt(text));
    } catch (IllegalArgumentException e) {
      throw RuleViolationException.invalidInput("StatusCode", "Use 0, 1 or 2.");
    }
  }

  private static String formatted(Instant instant) {
    return instant == null ? null : ApiTime.format(instant);
  }
}
