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

  /** A new webhook as a Create call defines it: enabled. */
  static Webhook made(WebhookId id, OrgId orgId, WebhookDraft draft, Instant now) {
    return defined(id, orgId, draft, WebhookStatus.ENABLED, now, now);
  }

  /** This webhook as an Update call defines it anew: its status and creation are kept. */
  Webhook changed(WebhookDraft draft, Instant now) {
    return defined(id, orgId, draft, status, createdAt, now);
  }

  private static Webhook defined(
      WebhookId id,
      OrgId orgId,
      WebhookDraft draft,
      WebhookStatus status,
      Instant createdAt,
      Instant modifiedAt) {
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
        modifiedAt);
  }
}
