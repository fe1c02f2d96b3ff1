package dev.leadtrail.webhook;

import dev.leadtrail.org.OrgId;
import dev.leadtrail.storage.Database;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Stores the events owed to webhooks (the outbox) and the attempts to deliver them. An event is
 * claimed by one instance at a time, and only once no earlier event of its subject is pending for
 * its webhook, so that each subject's events arrive in order. Stateless and thread-safe.
 */
final class WebhookEventRepository {

  static final int PENDING = 0;
  static final int DELIVERED = 1;
  static final int FAILED = 2;

  /** An event as claimed for a delivery; {@code tries} counts this one. */
  record Claimed(
      long seq,
      String id,
      OrgId orgId,
      String webhookId,
      WebhookEvent event,
      String payloadId,
      Instant createdAt,
      int tries) {}

  /** An event as the deliveries call lists it. */
  record Listed(
      String id,
      WebhookEvent event,
      String subject,
      int state,
      int tries,
      Instant createdAt,
      Instant nextTryAt,
      Instant deliveredAt,
      String lastError) {}

  /** One attempt to deliver an event: {@code statusCode} null when no answer came. */
  record Attempt(
      Instant attemptedAt, String eventId, Integer statusCode, int durationMs, String error) {}

  private static final String INSERT =
      """
      INSERT INTO webhook_events (id, org_id, webhook_id, event, subject, payload_id, created_at,
                                  state, tries, next_try_at, claimed_until, last_error,
                                  delivered_at)
      VALUES (:id, :orgId, :webhookId, :event, :subject, :payloadId, :now, 0, 0, :now, NULL, NULL,
              NULL)\
      """;

  private static final String DUE =
      """
      e.state = 0 AND e.next_try_at <= :now
        AND (e.claimed_until IS NULL OR e.claimed_until <= :now)
        AND EXISTS (SELECT 1 FROM webhooks w WHERE w.id = e.webhook_id AND w.status = 0)
        AND NOT EXISTS (SELECT 1 FROM webhook_events p
                         WHERE p.webhook_id = e.webhook_id AND p.subject = e.subject
                           AND p.state = 0 AND p.seq < e.seq)\
      """;

  private static final String ANY_DUE =
      "SELECT e.seq FROM webhook_events e WHERE " + DUE + " LIMIT 1";

  private static final String DUE_ROWS =
      "SELECT e.seq, e.id, e.org_id, e.webhook_id, e.event, e.payload_id, e.created_at,"
          + " e.tries + 1 AS tries FROM webhook_events e WHERE "
          + DUE
          + " ORDER BY e.seq LIMIT :limit";

  private static final String CLAIM =
      """
      UPDATE webhook_events SET claimed_until = :until, tries = tries + 1
       WHERE seq IN (SELECT e.seq FROM webhook_events e WHERE %s ORDER BY e.seq LIMIT :limit%s)
      RETURNING seq, id, org_id, webhook_id, event, payload_id, created_at, tries\
      """;

  private static final RowMapper<Claimed> CLAIMED =
      (rs, ctx) ->
          new Claimed(
              rs.getLong("seq"),
              rs.getString("id"),
              new OrgId(rs.getString("org_id")),
              rs.getString("webhook_id"),
              WebhookEvent.ofCode(rs.getInt("event")).orElseThrow(),
              rs.getString("payload_id"),
              Instant.ofEpochMilli(rs.getLong("created_at")),
              rs.getInt("tries"));

  private final Database database;
  private final String claim;

  WebhookEventRepository(Database database) {
    this.database = database;
    this.claim = CLAIM.formatted(DUE, database.dialect().lockSkippingLocked());
  }

  void addPayload(String id, OrgId orgId, String payload, Instant now) {
    database
        .writeHandle()
        .createUpdate(
            "INSERT INTO webhook_payloads (id, org_id, payload, created_at)"
                + " VALUES (:id, :orgId, :payload, :now)")
        .bind("id", id)
        .bind("orgId", orgId.value())
        .bind("payload", payload)
        .bind("now", now.toEpochMilli())
        .execute();
  }

  void add(
      String id,
      OrgId orgId,
      WebhookId webhookId,
      WebhookEvent event,
      String subject,
      String payloadId,
      Instant now) {
    database
        .writeHandle()
        .createUpdate(INSERT)
        .bind("id", id)
        .bind("orgId", orgId.value())
        .bind("webhookId", webhookId.value())
        .bind("event", event.code())
        .bind("subject", subject)
        .bind("payloadId", payloadId)
        .bind("now", now.toEpochMilli())
        .execute();
  }

  /**
   * Up to {@code limit} due events, oldest first, as a claim would take them ({@code tries}
   * counting the next), without claiming them: for a store that one instance alone delivers from.
   */
  List<Claimed> due(Instant now, int limit) {
    return database
        .handle()
        .createQuery(DUE_ROWS)
        .bind("now", now.toEpochMilli())
        .bind("limit", limit)
        .map(CLAIMED)
        .list();
  }

  boolean anyDue(Instant now) {
    return database
        .handle()
        .createQuery(ANY_DUE)
        .bind("now", now.toEpochMilli())
        .mapTo(Long.class)
        .findFirst()
        .isPresent();
  }

  /** Claims up to {@code limit} due events until {@code until}, counting a try of each. */
  List<Claimed> claim(Instant now, Instant until, int limit) {
    return database
        .writeHandle()
        .createQuery(claim)
        .bind("now", now.toEpochMilli())
        .bind("until", until.toEpochMilli())
        .bind("limit", limit)
        .map(CLAIMED)
        .list();
  }

  /**
   * An event delivered by its {@code tries}th attempt, made {@code at} and answered {@code status}
   * after {@code ms}.
   */
  record Delivery(long seq, int tries, Instant at, int status, int ms) {}

  /** Marks events delivered, in one batch: the common outcome, kept cheap for the writer. */
  void delivered(List<Delivery> deliveries) {
    if (deliveries.isEmpty()) {
      return;
    }
    PreparedBatch batch =
        database
            .writeHandle()
            .prepareBatch(
                "UPDATE webhook_events SET state = 1, tries = :tries, delivered_at = :at,"
                    + " delivered_by = :status, delivered_ms = :ms, claimed_until = NULL,"
                    + " last_error = NULL WHERE seq = :seq");
    for (Delivery delivery : deliveries) {
      batch
          .bind("seq", delivery.seq())
          .bind("tries", delivery.tries())
          .bind("at", delivery.at().toEpochMilli())
          .bind("status", delivery.status())
          .bind("ms", delivery.ms())
          .add();
    }
    batch.execute();
  }

  void retryLater(long seq, int tries, Instant at, String error) {
    database
        .writeHandle()
        .createUpdate(
            "UPDATE webhook_events SET tries = :tries, next_try_at = :at, claimed_until = NULL,"
                + " last_error = :error WHERE seq = :seq")
        .bind("seq", seq)
        .bind("tries", tries)
        .bind("at", at.toEpochMilli())
        .bind("error", error)
        .execute();
  }

  void failed(long seq, int tries, String error) {
    database
        .writeHandle()
        .createUpdate(
            "UPDATE webhook_events SET state = 2, tries = :tries, claimed_until = NULL,"
                + " last_error = :error WHERE seq = :seq")
        .bind("seq", seq)
        .bind("tries", tries)
        .bind("error", error)
        .execute();
  }

  /** An attempt that failed: no answer ({@code statusCode} null), or one that was not 2xx. */
  void failedAttempt(
      long seq, String webhookId, Instant at, Integer statusCode, int ms, String error) {
    database
        .writeHandle()
        .createUpdate(
            "INSERT INTO webhook_attempts (event_seq, webhook_id, attempted_at, status_code,"
                + " duration_ms, error) VALUES (:seq, :webhookId, :at, :status, :ms, :error)")
        .bind("seq", seq)
        .bind("webhookId", webhookId)
        .bind("at", at.toEpochMilli())
        .bind("status", statusCode)
        .bind("ms", ms)
        .bind("error", error)
        .execute();
  }

  /** Sends an event of the webhook again from its first try; false when there is no such event. */
  boolean redeliver(WebhookId webhookId, String eventId, Instant now) {
    return database
            .writeHandle()
            .createUpdate(
                "UPDATE webhook_events SET state = 0, tries = 0, next_try_at = :now,"
                    + " delivered_at = NULL, delivered_by = NULL, delivered_ms = NULL"
                    + " WHERE webhook_id = :webhookId AND id = :id")
            .bind("webhookId", webhookId.value())
            .bind("id", eventId)
            .bind("now", now.toEpochMilli())
            .execute()
        > 0;
  }

  /** The webhook's latest events, newest first. */
  List<Listed> events(WebhookId webhookId, int limit) {
    return database
        .handle()
        .createQuery(
            "SELECT id, event, subject, state, tries, created_at, next_try_at, delivered_at,"
                + " last_error FROM webhook_events WHERE webhook_id = :webhookId"
                + " ORDER BY seq DESC LIMIT :limit")
        .bind("webhookId", webhookId.value())
        .bind("limit", limit)
        .map(
            (rs, ctx) -> {
              long deliveredAt = rs.getLong("delivered_at");
              Instant delivered = rs.wasNull() ? null : Instant.ofEpochMilli(deliveredAt);
              return new Listed(
                  rs.getString("id"),
                  WebhookEvent.ofCode(rs.getInt("event")).orElseThrow(),
                  rs.getString("subject"),
                  rs.getInt("state"),
                  rs.getInt("tries"),
                  Instant.ofEpochMilli(rs.getLong("created_at")),
                  Instant.ofEpochMilli(rs.getLong("next_try_at")),
                  delivered,
                  rs.getString("last_error"));
            })
        .list();
  }

  /** The webhook's latest attempts, newest first: those that failed, and those that delivered. */
  List<Attempt> attempts(WebhookId webhookId, int limit) {
    return database
        .handle()
        .createQuery(
            """
            SELECT attempted_at, event_id, status_code, duration_ms, error FROM (
              SELECT a.attempted_at, e.id AS event_id, a.status_code, a.duration_ms, a.error
                FROM webhook_attempts a JOIN webhook_events e ON e.seq = a.event_seq
               WHERE a.webhook_id = :webhookId
              UNION ALL
              SELECT delivered_at, id, delivered_by, delivered_ms, NULL
                FROM webhook_events WHERE webhook_id = :webhookId AND state = 1
            ) attempts ORDER BY attempted_at DESC LIMIT :limit\
            """)
        .bind("webhookId", webhookId.value())
        .bind("limit", limit)
        .map(
            (rs, ctx) -> {
              int status = rs.getInt("status_code");
              Integer statusCode = rs.wasNull() ? null : status;
              return new Attempt(
                  Instant.ofEpochMilli(rs.getLong("attempted_at")),
                  rs.getString("event_id"),
                  statusCode,
                  rs.getInt("duration_ms"),
                  rs.getString("error"));
            })
        .list();
  }

  long pending() {
    return database
        .handle()
        .createQuery("SELECT COUNT(*) FROM webhook_events WHERE state = 0")
        .mapTo(Long.class)
        .one();
  }

  /** The bodies of claimed events, by payload id. */
  Map<String, String> payloads(Collection<String> ids) {
    Map<String, String> payloads = new HashMap<>();
    database
        .handle()
        .createQuery("SELECT id, payload FROM webhook_payloads WHERE id IN (<ids>)")
        .bindList("ids", List.copyOf(ids))
        .map((rs, ctx) -> Map.entry(rs.getString("id"), rs.getString("payload")))
        .forEach(entry -> payloads.put(entry.getKey(), entry.getValue()));
    return payloads;
  }

  /**
   * Removes delivered and failed events made before {@code before}, with their attempts, and the
   * bodies no pending event needs.
   */
  int removeSettledBefore(Instant before) {
    var handle = database.writeHandle();
    int removed =
        handle
            .createUpdate("DELETE FROM webhook_events WHERE state <> 0 AND created_at < :before")
            .bind("before", before.toEpochMilli())
            .execute();
    handle
        .createUpdate(
            "DELETE FROM webhook_payloads WHERE created_at < :before"
                + " AND id NOT IN (SELECT payload_id FROM webhook_events WHERE state = 0)")
        .bind("before", before.toEpochMilli())
        .execute();
    return removed;
  }
}
