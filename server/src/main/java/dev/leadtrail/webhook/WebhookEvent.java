package dev.leadtrail.webhook;

import dev.leadtrail.error.RuleViolationException;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The LeadSquared events a webhook may subscribe to: their numbers, and the names Retrieve uses.
 */
public enum WebhookEvent {
  ACTIVITY_CREATE(2, "LeadActivity_Post_Create"),
  LEAD_CREATE(3, "Lead_Post_Create"),
  LEAD_UPDATE(6, "Lead_Post_Update"),
  ACTIVITY_UPDATE(15, "LeadActivity_Post_Update");

  private final int code;
  private final String wireName;

  WebhookEvent(int code, String wireName) {
    this.code = code;
    this.wireName = wireName;
  }

  public int code() {
    return code;
  }

  public String wireName() {
    return wireName;
  }

  /** Whether the event is about an activity, so that {@code ActivityEvent} may narrow it. */
  public boolean aboutActivities() {
    return this == ACTIVITY_CREATE || this == ACTIVITY_UPDATE;
  }

  static Optional<WebhookEvent> ofCode(int code) {
    return Arrays.stream(values()).filter(event -> event.code == code).findFirst();
  }

  /**
   * The event a client names by number ({@code "15"}) or by name ({@code
   * LeadActivity_Post_Update}).
   */
  static WebhookEvent parse(String text, String parameter) {
    String given = text == null ? "" : text.strip();
    for (WebhookEvent event : values()) {
      if (event.wireName.equalsIgnoreCase(given) || String.valueOf(event.code).equals(given)) {
        return event;
      }
    }
    throw RuleViolationException.invalidInput(
        parameter,
        "Leadtrail delivers the events "
            + Arrays.stream(values())
                .map(event -> event.code + " (" + event.wireName + ")")
                .collect(Collectors.joining(", "))
            + ".");
  }
}
