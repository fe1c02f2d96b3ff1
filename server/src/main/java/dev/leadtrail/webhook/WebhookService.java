package dev.leadtrail.webhook;

import dev.leadtrail.config.LeadtrailConfig;
import dev.leadtrail.error.ErrorType;
import dev.leadtrail.error.RuleViolationException;
import dev.leadtrail.org.OrgId;
import dev.leadtrail.outbound.OutboundClient;
import dev.leadtrail.outbound.OutboundFailure;
import dev.leadtrail.storage.Database;
import dev.leadtrail.user.Caller;
import dev.leadtrail.user.Role;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Webhooks (contract section 9): an organisation's administrators define them; the {@linkplain
 * #outbox() outbox} takes the events that changes owe them, and every instance delivers those once
 * {@link #startDelivering()} is called. Thread-safe.
 */
public final class WebhookService implements AutoCloseable {

  /** A webhook as made: its id, and its signing secret, shown this once. */
  record Made(WebhookId id, String secret) {}

  /** A webhook's latest events and attempts, newest first. */
  record Deliveries(
      List<WebhookEventRepository.Listed> events, List<WebhookEventRepository.Attempt> attempts) {}

  static final int MAX_PER_ORGANISATION = 100;

  private final Database database;
  private final WebhookRepository webhooks;
  private final WebhookEventRepository events;
  private final WebhookOutbox outbox;
  private final WebhookDeliveries deliveries;
  private final OutboundClient outbound;
  private final Clock clock;

  private WebhookService(
      Database database,
      OutboundClient outbound,
      Clock clock,
      LeadtrailConfig config,
      MeterRegistry metrics) {
    this.database = database;
    this.webhooks = new WebhookRepository(database);
    this.events = new WebhookEventRepository(database);
    this.outbox = new WebhookOutbox(database, clock);
    this.deliveries = new WebhookDeliveries(database, outbox, outbound, clock, config, metrics);
    this.outbound = outbound;
    this.clock = clock;
  }

  public static WebhookService create(
      Database database,
      OutboundClient outbound,
      Clock clock,
      LeadtrailConfig config,
      MeterRegistry metrics) {
    return new WebhookService(database, outbound, clock, config, metrics);
  }

  public WebhookOutbox outbox() {
    return outbox;
  }

  /** Starts delivering the outbox's events from this instance. */
  public void startDelivering() {
    deliveries.start();
  }

  Made create(Caller caller, WebhookDraft draft) {
    requireAdministrator(caller);
    requireReachable(draft.url());
    var webhook = Webhook.made(WebhookId.random(), caller.orgId(), draft, clock.instant());
    String secret = WebhookSecret.generate();
    database.write(
        () -> {
          database.serialize("webhooks:" + caller.orgId().value());
          if (webhooks.count(caller.orgId()) >= MAX_PER_ORGANISATION) {
            throw RuleViolationException.invalidInput(
                "WebhookEvent",
                "An organisation has at most " + MAX_PER_ORGANISATION + " webhooks.");
          }
          webhooks.insert(webhook, secret);
          return null;
        });
    outbox.forget(caller.orgId());
    return new Made(webhook.id(), secret);
  }

  void update(Caller caller, WebhookId id, WebhookDraft draft) {
    requireAdministrator(caller);
    requireReachable(draft.url());
    database.write(
        () -> {
          Webhook webhook = find(caller.orgId(), id);
          webhooks.update(webhook.changed(draft, clock.instant()));
          return null;
        });
    outbox.forget(caller.orgId());
  }

  void delete(Caller caller, WebhookId id) {
    requireAdministrator(caller);
    changed(caller.orgId(), () -> webhooks.delete(caller.orgId(), id));
  }

  /** Enables ({@code 0}) or disables ({@code 1}) a webhook by hand. */
  void setStatus(Caller caller, WebhookId id, int statusCode) {
    requireAdministrator(caller);
    WebhookStatus status =
        switch (statusCode) {
          case 0 -> WebhookStatus.ENABLED;
          case 1 -> WebhookStatus.DISABLED;
          default ->
              throw RuleViolationException.invalidInput(
                  "StatusCode", "Use 0 to enable the webhook or 1 to disable it.");
        };
    changed(caller.orgId(), () -> webhooks.setStatus(caller.orgId(), id, status, clock.instant()));
    deliveries.wake();
  }

  String rotateSecret(Caller caller, WebhookId id) {
    requireAdministrator(caller);
    String secret = WebhookSecret.generate();
    changed(caller.orgId(), () -> webhooks.setSecret(caller.orgId(), id, secret, clock.instant()));
    return secret;
  }

  /** Every webhook of the organisation that the filter lets through (there are at most 100). */
  List<Webhook> retrieve(Caller caller, WebhookRepository.Filter filter) {
    requireAdministrator(caller);
    return database.read(() -> webhooks.list(caller.orgId(), filter));
  }

  Deliveries deliveries(Caller caller, WebhookId id, int limit) {
    requireAdministrator(caller);
    return database.read(
        () -> {
          find(caller.orgId(), id);
          return new Deliveries(events.events(id, limit), events.attempts(id, limit));
        });
  }

  void redeliver(Caller caller, WebhookId id, String eventId) {
    requireAdministrator(caller);
    database.write(
        () -> {
          find(caller.orgId(), id);
          if (!events.redeliver(id, eventId, clock.instant())) {
            throw new RuleViolationException(
                ErrorType.INVALID_ENTITY, "The webhook has no event " + eventId + ".");
          }
          return null;
        });
    deliveries.wake();
  }

  /** Runs a change of one webhook; none changed means there is no such webhook. */
  private void changed(OrgId orgId, BooleanSupplier change) {
    boolean found = database.write(change::getAsBoolean);
    if (!found) {
      throw unknownWebhook();
    }
    outbox.forget(orgId);
  }

  private Webhook find(OrgId orgId, WebhookId id) {
    return webhooks.find(orgId, id).orElseThrow(WebhookService::unknownWebhook);
  }

  private static RuleViolationException unknownWebhook() {
    return new RuleViolationException(
        ErrorType.INVALID_ENTITY, "The webhook does not exist in the system.");
  }

  /**
   * The URL must be one the outbound guard lets deliveries reach (a host that does not resolve yet
   * may).
   */
  private void requireReachable(String url) {
    try {
      outbound.requireAllowed(url);
    } catch (OutboundFailure e) {
      if (e.reason() != OutboundFailure.Reason.UNREACHABLE) {
        throw RuleViolationException.invalidInput(
            "URL", "Webhooks cannot post there: " + e.getMessage() + ".");
      }
    }
  }

  private static void requireAdministrator(Caller caller) {
    if (caller.user().role() != Role.ADMINISTRATOR) {
      throw new RuleViolationException(
          ErrorType.UNAUTHORIZED_ACCESS, "Only an Administrator may manage webhooks.");
    }
  }

  @Override
  public void close() {
    deliveries.close();
  }
}
