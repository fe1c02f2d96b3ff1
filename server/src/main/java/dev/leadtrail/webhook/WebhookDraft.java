package dev.leadtrail.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadtrail.error.RuleViolationException;
import dev.leadtrail.http.JsonValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A webhook as a Create or Update call describes it, checked: everything but whether its URL may be
 * reached, which the service asks the outbound guard.
 */
record WebhookDraft(
    WebhookEvent event,
    Integer activityEvent,
    String description,
    String url,
    WebhookContentType contentType,
    String properties,
    List<CustomHeader> headers,
    boolean notifyOnFailure) {

  static final int MAX_HEADERS = 20;
  private static final int MAX_DESCRIPTION = 1_000;
  private static final int MAX_URL = 2_000;
  private static final int MAX_PROPERTIES = 4_000;
  private static final int MAX_HEADER_NAME = 100;
  private static final int MAX_HEADER_VALUE = 2_000;

  /** Headers a delivery sets itself, which a custom header may not replace. */
  private static final Set<String> RESERVED =
      Set.of(
          "content-type",
          "content-length",
          "host",
          "transfer-encoding",
          "connection",
          "webhook-id",
          "webhook-timestamp",
          "webhook-signature");

  static WebhookDraft from(ObjectNode body) {
    WebhookEvent event =
        WebhookEvent.parse(
            JsonValues.scalarText(body.get("WebhookEvent"), "WebhookEvent"), "WebhookEvent");
    String method = JsonValues.scalarText(body.get("Method"), "Method", 10);
    if (method != null && !method.isBlank() && !method.strip().equalsIgnoreCase("POST")) {
      throw RuleViolationException.invalidInput("Method", "A webhook always posts: use POST.");
    }
    String url = JsonValues.scalarText(body.get("URL"), "URL", MAX_URL);
    if (url == null || url.isBlank()) {
      throw RuleViolationException.invalidInput("URL", "Give the URL to post to.");
    }
    String description =
        JsonValues.scalarText(body.get("Description"), "Description", MAX_DESCRIPTION);
    String properties =
        JsonValues.scalarText(body.get("WebhookProperties"), "WebhookProperties", MAX_PROPERTIES);
    Boolean notify = JsonValues.optionalBoolean(body.get("NotifyOnFailure"), "NotifyOnFailure");
    return new WebhookDraft(
        event,
        activityEvent(event, properties),
        description == null ? "" : description.strip(),
        url.strip(),
        WebhookContentType.parse(JsonValues.scalarText(body.get("ContentType"), "ContentType")),
        properties == null || properties.isBlank() ? null : properties.strip(),
        headers(body.get("CustomHeaders")),
        notify == null || notify);
  }

  /** The activity type that {@code WebhookProperties}' {@code ActivityEvent} narrows events to. */
  private static Integer activityEvent(WebhookEvent event, String properties) {
    if (properties == null || properties.isBlank()) {
      return null;
    }
    JsonNode parsed = JsonValues.embedded(properties, "WebhookProperties");
    if (!parsed.isObject()) {
      throw RuleViolationException.invalidInput(
          "WebhookProperties", "It is a JSON object, written as a string.");
    }
    String code = JsonValues.scalarText(parsed.get("ActivityEvent"), "ActivityEvent", 10);
    if (code == null || code.isBlank()) {
      return null;
    }
    if (!event.aboutActivities()) {
      throw RuleViolationException.invalidInput(
          "ActivityEvent", "Only activity events are narrowed to an activity type.");
    }
    try {
      int parsedCode = Integer.parseInt(code.strip());
      if (parsedCode > 0) {
        return parsedCode;
      }
    } catch (NumberFormatException e) {
      // told below
    }
    throw RuleViolationException.invalidInput(
        "ActivityEvent", "It is the event code of an activity type, a positive number.");
  }

  private static List<CustomHeader> headers(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return List.of();
    }
    ArrayNode array = JsonValues.array(node, "CustomHeaders");
    if (array.size() > MAX_HEADERS) {
      throw RuleViolationException.invalidInput(
          "CustomHeaders", "A webhook sends at most " + MAX_HEADERS + " custom headers.");
    }
    List<CustomHeader> headers = new ArrayList<>();
    for (JsonNode item : array) {
      ObjectNode header = JsonValues.object(item, "CustomHeaders");
      String key = JsonValues.scalarText(header.get("Key"), "CustomHeaders.Key", MAX_HEADER_NAME);
      String value =
          JsonValues.scalarText(header.get("Value"), "CustomHeaders.Value", MAX_HEADER_VALUE);
      headers.add(new CustomHeader(headerName(key), headerValue(value)));
    }
    return headers;
  }

  private static String headerName(String key) {
    String name = key == null ? "" : key.strip();
    if (name.isEmpty() || !name.chars().allMatch(WebhookDraft::isTokenChar)) {
      throw RuleViolationException.invalidInput(
          "CustomHeaders.Key", "A header name has letters, digits and !#$%&'*+-.^_`|~ only.");
    }
    if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
      throw RuleViolationException.invalidInput(
          "CustomHeaders.Key", name + " is set by every delivery itself.");
    }
    return name;
  }

  private static String headerValue(String value) {
    String text = value == null ? "" : value.strip();
    if (!text.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c < 0x7f))) {
      throw RuleViolationException.invalidInput(
          "CustomHeaders.Value",
          "A header value is printable ASCII, without line breaks or control characters.");
    }
    return text;
  }

  private static boolean isTokenChar(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
  }
}
