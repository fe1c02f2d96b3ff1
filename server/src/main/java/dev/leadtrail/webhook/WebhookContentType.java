package dev.leadtrail.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadtrail.error.RuleViolationException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The formats a webhook posts in: the payload as JSON, as a form whose top-level values are fields
 * (an object or a list as its JSON text), or as JSON sent as plain text.
 */
enum WebhookContentType {
  JSON("application/json"),
  FORM("application/x-www-form-urlencoded"),
  TEXT("text/plain");

  private final String mediaType;

  WebhookContentType(String mediaType) {
    this.mediaType = mediaType;
  }

  String mediaType() {
    return mediaType;
  }

  /** The header value, with the character set the body is written in. */
  String header() {
    return mediaType + "; charset=utf-8";
  }

  /** The body of a delivery of {@code payload}, the JSON text of a JSON object. */
  String body(String payload, JsonNode parsed) {
    if (this != FORM) {
      return payload;
    }
    var form = new StringJoiner("&");
    parsed
        .properties()
        .forEach(
            field -> {
              JsonNode value = field.getValue();
              String text =
                  value.isNull() ? "" : value.isValueNode() ? value.asText() : value.toString();
              form.add(encode(field.getKey()) + "=" + encode(text));
            });
    return form.toString();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** The format a client names; none given is JSON, as LeadSquared's default. */
  static WebhookContentType parse(String text) {
    if (text == null || text.isBlank()) {
      return JSON;
    }
    String given = text.strip().toLowerCase(Locale.ROOT);
    for (WebhookContentType type : values()) {
      if (type.mediaType.equals(given)) {
        return type;
      }
    }
    throw RuleViolationException.invalidInput(
        "ContentType", "Use application/json, application/x-www-form-urlencoded or text/plain.");
  }
}
