package dev.leadtrail.webhook;

import dev.leadtrail.http.JsonValues;
import dev.leadtrail.org.OrgId;
import dev.leadtrail.storage.Database;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Where changes leave the events their webhooks are owed (contract section 9): a change works out
 * what it owes with {@link #owed} as it decides, and {@link #add}s that within its own write, so a
 * committed change always has its events and a rolled-back one never has. Only changes that an
 * enabled webhook subscribes to write anything, and their payload is made only then.
 *
 * <p>Where one instance is the only writer (SQLite), the organisations' subscriptions are held in
 * memory and forgotten whenever a webhook changes, so a change without webhooks reads nothing; with
 * several instances (PostgreSQL) they are read each time, so that a webhook made on one instance
 * applies on every other at once. Thread-safe.
 */
public final class WebhookOutbox {

  /**
   * The events one change owes: one per webhook in {@code webhookIds}, all with {@code payload}
   * (JSON), about {@code subject} (the activity or lead, whose events arrive in order).
   */
  public record Owed(
      OrgId orgId, WebhookEvent event, List<String> webhookIds, String subject, String payload) {

    public static final Owed NONE = new Owed(null, null, List.of(), null, null);

    public Owed {
      webhookIds = List.copyOf(webhookIds);
    }

    public boolean isNone() {
      return webhookIds.isEmpty();
    }
  }

  private final Database database;
  private final WebhookRepository webhooks;
  private final WebhookEventRepository events;
  private final Clock clock;
  private final Map<OrgId, Map<WebhookEvent, List<WebhookRepository.Subscription>>>
      subscriptionsByOrg;
  private volatile Runnable wakeUp = () -> {};

  WebhookOutbox(Database database, Clock clock) {
    this.database = database;
    this.webhooks = new WebhookRepository(database);
    this.events = new WebhookEventRepository(database);
    this.clock = clock;
    this.subscriptionsByOrg = database.dialect().hasOneWriter() ? new ConcurrentHashMap<>() : null;
  }

  /**
   * What a change of {@code subject} owes for {@code event}: nothing when no enabled webhook of the
   * organisation subscribes to it (for activity events, to all types or to {@code activityEvent}),
   * else {@code payload}, made now, for each that does.
   */
  public Owed owed(
      OrgId orgId,
      WebhookEvent event,
      int activityEvent,
      String subject,
      Supplier<Map<String, Object>> payload) {
    List<WebhookRepository.Subscription> all = subscriptions(orgId, event);
    if (all.isEmpty()) {
      return Owed.NONE; // every change of an organisation without webhooks comes this way
    }
    List<String> subscribed =
        all.stream()
            .filter(s -> s.activityEvent() == null || s.activityEvent() == activityEvent)
            .map(s -> s.id().value())
            .toList();
    if (subscribed.isEmpty()) {
      return Owed.NONE;
    }
    return new Owed(orgId, event, subscribed, subject, JsonValues.encode(payload.get()));
  }

  /**
   * Within the change's write: one event for each webhook it owes one, delivered as soon as the
   * write commits.
   */
  public void add(Owed owed) {
    if (owed.isNone()) {
      return;
    }
    database.afterCommit(this::wake);
    var now = clock.instant();
    String payloadId = timeOrderedId();
    events.addPayload(payloadId, owed.orgId(), owed.payload(), now);
    for (String webhookId : owed.webhookIds()) {
      events.add(
          eventId(),
          owed.orgId(),
          new WebhookId(webhookId),
          owed.event(),
          owed.subject(),
          payloadId,
          now);
    }
  }

  private void wake() {
    wakeUp.run();
  }

  void onWake(Runnable action) {
    wakeUp = action;
  }

  /** The organisation's webhooks changed: its subscriptions are read again. */
  void forget(OrgId orgId) {
    if (subscriptionsByOrg != null) {
      subscriptionsByOrg.remove(orgId);
    }
  }

  private List<WebhookRepository.Subscription> subscriptions(OrgId orgId, WebhookEvent event) {
    if (subscriptionsByOrg == null) {
      return database.read(() -> webhooks.subscriptions(orgId, event));
    }
    // Loaded under the map's lock for the organisation, so a forget() that follows a change waits
    // for a load that read before it, and removes what that load subscriptionsByOrg.
    return subscriptionsByOrg.computeIfAbsent(orgId, this::load).getOrDefault(event, List.of());
  }

  private Map<WebhookEvent, List<WebhookRepository.Subscription>> load(OrgId orgId) {
    Map<WebhookEvent, List<WebhookRepository.Subscription>> byEvent =
        new EnumMap<>(WebhookEvent.class);
    for (var subscription : database.read(() -> webhooks.subscriptions(orgId, null))) {
      byEvent.computeIfAbsent(subscription.event(), e -> new ArrayList<>()).add(subscription);
    }
    return byEvent;
  }

  /** A webhook-id: the same on every attempt, so that receivers can tell a delivery seen before. */
  private static String eventId() {
    return "msg_" + timeOrderedId();
  }

  // Ids that grow with time (milliseconds, then 64 random bits, in hex) land at the end of their
  // unique index, as random ones would not: each write then dirties one index page, not one each.
  private static String timeOrderedId() {
    HexFormat hex = HexFormat.of();
    return hex.toHexDigits(System.currentTimeMillis()).substring(4)
        + hex.toHexDigits(ThreadLocalRandom.current().nextLong());
  }
}
