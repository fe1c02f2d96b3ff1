package dev.leadtrail.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadtrail.http.JsonValues;
import dev.leadtrail.org.OrgId;
import dev.leadtrail.storage.Database;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.Update;

/** Stores webhooks, each within its organisation. Stateless and thread-safe. */
final class WebhookRepository {

  /** A webhook that an event is written for: {@code activityEvent} as on {@link Webhook}. */
  record Subscription(WebhookId id, WebhookEvent event, Integer activityEvent) {}

  /** What a delivery needs of its webhook. */
  record Target(
      WebhookId id,
      String url,
      WebhookContentType contentType,
      List<CustomHeader> headers,
      String secret,
      WebhookStatus status) {}

  /** What Retrieve filters by; a null filters nothing. */
  record Filter(
      WebhookEvent event, WebhookStatus status, WebhookId id, String search, boolean newestFirst) {}

  private static final String COLUMNS =
      "id, org_id, event, activity_event, description, url, content_type, properties,"
          + " custom_headers, notify_on_failure, status, created_at, modified_at";

  private static final String INSERT =
      """
      INSERT INTO webhooks (id, org_id, event, activity_event, description, url, content_type,
                            properties, custom_headers, notify_on_failure, status, secret,
                            failed_in_a_row, created_at, modified_at)
      VALUES (:id, :orgId, :event, :activityEvent, :description, :url, :contentType, :properties,
              :headers, :notify, :status, :secret, 0, :createdAt, :modifiedAt)\
      """;

  private static final String UPDATE =
      """
      UPDATE webhooks SET event = :event, activity_event = :activityEvent,
                          description = :description, url = :url, content_type = :contentType,
                          properties = :properties, custom_headers = :headers,
                          notify_on_failure = :notify, modified_at = :modifiedAt
       WHERE org_id = :orgId AND id = :id\
      """;

  private static final RowMapper<Webhook> ROW =
      (rs, ctx) -> {
        Integer activityEvent = rs.getInt("activity_event");
        if (rs.wasNull()) {
          activityEvent = null;
        }
        return new Webhook(
            new WebhookId(rs.getString("id")),
            new OrgId(rs.getString("org_id")),
            WebhookEvent.ofCode(rs.getInt("event")).orElseThrow(),
            activityEvent,
            rs.getString("description"),
            rs.getString("url"),
            WebhookContentType.parse(rs.getString("content_type")),
            rs.getString("properties"),
            headers(rs.getString("custom_headers")),
            rs.getBoolean("notify_on_failure"),
            WebhookStatus.ofCode(rs.getInt("status")),
            Instant.ofEpochMilli(rs.getLong("created_at")),
            Instant.ofEpochMilli(rs.getLong("modified_at")));
      };

  private final Database database;

  WebhookRepository(Database database) {
    this.database = database;
  }

  void insert(Webhook webhook, String secret) {
    withDefinition(database.writeHandle().createUpdate(INSERT), webhook)
        .bind("status", webhook.status().code())
        .bind("secret", secret)
        .bind("createdAt", webhook.createdAt().toEpochMilli())
        .execute();
  }

  void update(Webhook webhook) {
    withDefinition(database.writeHandle().createUpdate(UPDATE), webhook).execute();
  }

  /** Binds what a Create or Update call defines, and when. */
  private static Update withDefinition(Update statement, Webhook webhook) {
    return statement
        .bind("id", webhook.id().value())
        .bind("orgId", webhook.orgId().value())
        .bind("event", webhook.event().code())
        .bind("activityEvent", webhook.activityEvent())
        .bind("description", webhook.description())
        .bind("url", webhook.url())
        .bind("contentType", webhook.contentType().mediaType())
        .bind("properties", webhook.properties())
        .bind("headers", JsonValues.encode(webhook.headers()))
        .bind("notify", webhook.notifyOnFailure())
        .bind("modifiedAt", webhook.modifiedAt().toEpochMilli());
  }

  int count(OrgId orgId) {
    return database
        .handle()
        .createQuery("SELECT COUNT(*) FROM webhooks WHERE org_id = :orgId")
        .bind("orgId", orgId.value())
        .mapTo(Integer.class)
        .one();
  }

  boolean delete(OrgId orgId, WebhookId id) {
    return database
            .writeHandle()
            .createUpdate("DELETE FROM webhooks WHERE org_id = :orgId AND id = :id")
            .bind("orgId", orgId.value())
            .bind("id", id.value())
            .execute()
        > 0;
  }

  /** Sets the status; enabling starts the count of failed events afresh. */
  boolean setStatus(OrgId orgId, WebhookId id, WebhookStatus status, Instant now) {
    return database
            .writeHandle()
            .createUpdate(
                "UPDATE webhooks SET status = :status, modified_at = :now,"
                    + " failed_in_a_row = CASE WHEN :status = 0 THEN 0 ELSE failed_in_a_row END"
                    + " WHERE org_id = :orgId AND id = :id")
            .bind("orgId", orgId.value())
            .bind("id", id.value())
            .bind("status", status.code())
            .bind("now", now.toEpochMilli())
            .execute()
        > 0;
  }

  boolean setSecret(OrgId orgId, WebhookId id, String secret, Instant now) {
    return database
            .writeHandle()
            .createUpdate(
                "UPDATE webhooks SET secret = :secret, modified_at = :now"
                    + " WHERE org_id = :orgId AND id = :id")
            .bind("orgId", orgId.value())
            .bind("id", id.value())
            .bind("secret", secret)
            .bind("now", now.toEpochMilli())
            .execute()
        > 0;
  }

  Optional<Webhook> find(OrgId orgId, WebhookId id) {
    return database
        .handle()
        .createQuery("SELECT " + COLUMNS + " FROM webhooks WHERE org_id = :orgId AND id = :id")
        .bind("orgId", orgId.value())
        .bind("id", id.value())
        .map(ROW)
        .findFirst();
  }

  List<Webhook> list(OrgId orgId, Filter filter) {
    var sql = new StringBuilder("SELECT " + COLUMNS + " FROM webhooks WHERE org_id = :orgId");
    if (filter.event() != null) {
      sql.append(" AND event = :event");
    }
    if (filter.status() != null) {
      sql.append(" AND status = :status");
    }
    if (filter.id() != null) {
      sql.append(" AND id = :id");
    }
    if (filter.search() != null) {
      sql.append(
          " AND (LOWER(description) LIKE :search ESCAPE '!' OR LOWER(url) LIKE :search ESCAPE '!')");
    }
    sql.append(" ORDER BY modified_at ")
        .append(filter.newestFirst() ? "DESC" : "ASC")
        .append(", id");
    Query query = database.handle().createQuery(sql.toString()).bind("orgId", orgId.value());
    if (filter.event() != null) {
      query.bind("event", filter.event().code());
    }
    if (filter.status() != null) {
      query.bind("status", filter.status().code());
    }
    if (filter.id() != null) {
      query.bind("id", filter.id().value());
    }
    if (filter.search() != null) {
      query.bind("search", "%" + likeEscaped(filter.search()) + "%");
    }
    return query.map(ROW).list();
  }

  /**
   * The enabled webhooks of the organisation that subscribe to {@code event}, or to any if null.
   */
  List<Subscription> subscriptions(OrgId orgId, WebhookEvent event) {
    Query query =
        database
            .handle()
            .createQuery(
                "SELECT id, event, activity_event FROM webhooks WHERE org_id = :orgId AND status = 0"
                    + (event == null ? "" : " AND event = :event"))
            .bind("orgId", orgId.value());
    if (event != null) {
      query.bind("event", event.code());
    }
    return query
        .map(
            (rs, ctx) -> {
              int activityEvent = rs.getInt("activity_event");
              Integer narrowedTo = rs.wasNull() ? null : activityEvent;
              return new Subscription(
                  new WebhookId(rs.getString("id")),
                  WebhookEvent.ofCode(rs.getInt("event")).orElseThrow(),
                  narrowedTo);
            })
        .list();
  }

  List<Target> targets(Collection<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return database
        .handle()
        .createQuery(
            "SELECT id, url, content_type, custom_headers, secret, status FROM webhooks"
                + " WHERE id IN (<ids>)")
        .bindList("ids", new ArrayList<>(ids))
        .map(
            (rs, ctx) ->
                new Target(
                    new WebhookId(rs.getString("id")),
                    rs.getString("url"),
                    WebhookContentType.parse(rs.getString("content_type")),
                    headers(rs.getString("custom_headers")),
                    rs.getString("secret"),
                    WebhookStatus.ofCode(rs.getInt("status"))))
        .list();
  }

  /** Within a write: one more event failed its last try; true when that disabled the webhook. */
  boolean countFailedEvent(String webhookId, int disableAfter) {
    var handle = database.writeHandle();
    handle
        .createUpdate("UPDATE webhooks SET failed_in_a_row = failed_in_a_row + 1 WHERE id = :id")
        .bind("id", webhookId)
        .execute();
    return handle
            .createUpdate(
                "UPDATE webhooks SET status = 2 WHERE id = :id AND status = 0"
                    + " AND failed_in_a_row >= :disableAfter")
            .bind("id", webhookId)
            .bind("disableAfter", disableAfter)
            .execute()
        > 0;
  }

  /** Within a write: an event was delivered, so no failures are in a row any more. */
  void countDeliveredEvent(String webhookId) {
    database
        .writeHandle()
        .createUpdate(
            "UPDATE webhooks SET failed_in_a_row = 0 WHERE id = :id AND failed_in_a_row <> 0")
        .bind("id", webhookId)
        .execute();
  }

  private static List<CustomHeader> headers(String json) {
    List<CustomHeader> headers = new ArrayList<>();
    for (JsonNode header : JsonValues.embedded(json, "custom_headers")) {
      headers.add(new CustomHeader(header.path("Key").asText(), header.path("Value").asText()));
    }
    return headers;
  }

  private static String likeEscaped(String text) {
    return text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}
