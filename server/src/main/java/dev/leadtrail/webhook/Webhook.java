package dev.leadtrail.webhook;

import dev.leadtrail.org.OrgId;
import java.time.Instant;
import java.util.List;

/**
 * A webhook of an organisation: what it subscribes to ({@code activityEvent}, when not null,
 * narrows activity events to one type), where and how it posts, and whether it is enabled. Its
 * signing secret is kept apart, read only to sign and shown only when made.
 */
record Webhook(
    WebhookId id,
    OrgId orgId,
    WebhookEvent event,
    Integer activityEvent,
    String description,
    String url,
    WebhookContentType contentType,
    String properties,
    List<CustomHeader> headers,
    boolean notifyOnFailure,
    WebhookStatus status,
    Instant createdAt,
    Instant modifiedAt) {

  Webhook {
    headers = List.copyOf(headers);
  }

  Webhook changed(WebhookDraft draft, Instant now) {
    return new Webhook(
        id,
        orgId,
        draft.event(),
        draft.activityEvent(),
        draft.description(),
        draft.url(),
        draft.contentType(),
        draft.properties(),
        draft.headers(),
        draft.notifyOnFailure(),
        status,
        createdAt,
        now);
  }
}
