package dev.leadtrail.activity;

import dev.leadtrail.org.OrgId;
import dev.leadtrail.storage.Database;
import dev.leadtrail.user.UserId;
import dev.leadtrail.value.Guid;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Stores the fetches of URLs named in File fields with {@code ProcessFilesAsync}: added within the
 * write that named them, claimed by one instance at a time. Stateless and thread-safe.
 */
final class FileFetchRepository {

  /**
   * One fetch: {@code target} is the field it fills ({@link FileFields.PendingFetch}); {@code
   * tries} counts the claims so far.
   */
  record Row(
      String id,
      OrgId orgId,
      ActivityId activityId,
      int eventCode,
      String target,
      String url,
      UserId requestedBy,
      int tries,
      boolean failed,
      String lastError) {}

  private static final String COLUMNS =
      "id, org_id, activity_id, event_code, schema_name, url, requested_by, tries, failed,"
          + " last_error";

  private static final String INSERT =
      """
      INSERT INTO file_fetches (id, org_id, activity_id, event_code, schema_name, url,
                                requested_by, requested_at, tries, next_try_at, claimed_until,
                                failed, last_error)
      VALUES (:id, :orgId, :activityId, :eventCode, :schemaName, :url, :requestedBy, :now, 0, :now,
              NULL, :failed, NULL)\
      """;

  private static final String DUE =
      """
      failed = :failed AND next_try_at <= :now AND (claimed_until IS NULL OR claimed_until <= :now)\
      """;

  private static final String ANY_DUE = "SELECT id FROM file_fetches WHERE " + DUE + " LIMIT 1";

  private static final String CLAIM =
      """
      UPDATE file_fetches SET claimed_until = :until, tries = tries + 1
       WHERE id IN (SELECT id FROM file_fetches WHERE %s ORDER BY next_try_at LIMIT :limit%s)
      RETURNING %s\
      """;

  private static final String RETRY_LATER =
      """
      UPDATE file_fetches SET next_try_at = :at, claimed_until = NULL, last_error = :error
       WHERE id = :id\
      """;

  private static final String FAIL =
      """
      UPDATE file_fetches SET failed = :failed, claimed_until = NULL, last_error = :error
       WHERE id = :id\
      """;

  private static final String REMOVE = "DELETE FROM file_fetches WHERE id = :id";

  private static final String OF_ACTIVITY =
      "SELECT "
          + COLUMNS
          + " FROM file_fetches WHERE org_id = :orgId AND activity_id = :activityId"
          + " ORDER BY requested_at, id";

  private static final RowMapper<Row> ROW =
      (rs, ctx) ->
          new Row(
              rs.getString("id"),
              new OrgId(rs.getString("org_id")),
              new ActivityId(rs.getString("activity_id")),
              rs.getInt("event_code"),
              rs.getString("schema_name"),
              rs.getString("url"),
              new UserId(rs.getString("requested_by")),
              rs.getInt("tries"),
              rs.getBoolean("failed"),
              rs.getString("last_error"));

  private final Database database;
  private final String claim;

  FileFetchRepository(Database database) {
    this.database = database;
    this.claim = CLAIM.formatted(DUE, database.dialect().lockSkippingLocked(), COLUMNS);
  }

  void add(Activity activity, FileFields.PendingFetch fetch, UserId by, Instant now) {
    database
        .writeHandle()
        .createUpdate(INSERT)
        .bind("id", Guid.random())
        .bind("orgId", activity.orgId().value())
        .bind("activityId", activity.id().value())
        .bind("eventCode", activity.eventCode())
        .bind("schemaName", fetch.target())
        .bind("url", fetch.url())
        .bind("requestedBy", by.value())
        .bind("now", now.toEpochMilli())
        .bind("failed", false)
        .execute();
  }

  boolean anyDue(Instant now) {
    return database
        .handle()
        .createQuery(ANY_DUE)
        .bind("failed", false)
        .bind("now", now.toEpochMilli())
        .mapTo(String.class)
        .findFirst()
        .isPresent();
  }

  /** Claims up to {@code limit} due fetches until {@code until}, counting a try of each. */
  List<Row> claim(Instant now, Instant until, int limit) {
    return database
        .writeHandle()
        .createQuery(claim)
        .bind("failed", false)
        .bind("now", now.toEpochMilli())
        .bind("until", until.toEpochMilli())
        .bind("limit", limit)
        .map(ROW)
        .list();
  }

  void retryLater(String id, Instant at, String error) {
    database
        .writeHandle()
        .createUpdate(RETRY_LATER)
        .bind("id", id)
        .bind("at", at.toEpochMilli())
        .bind("error", error)
        .execute();
  }

  void fail(String id, String error) {
    database
        .writeHandle()
        .createUpdate(FAIL)
        .bind("id", id)
        .bind("failed", true)
        .bind("error", error)
        .execute();
  }

  void remove(String id) {
    database.writeHandle().createUpdate(REMOVE).bind("id", id).execute();
  }

  List<Row> ofActivity(OrgId orgId, ActivityId activityId) {
    return database
        .handle()
        .createQuery(OF_ACTIVITY)
        .bind("orgId", orgId.value())
        .bind("activityId", activityId.value())
        .map(ROW)
        .list();
  }
}
