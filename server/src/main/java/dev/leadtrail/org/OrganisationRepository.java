package dev.leadtrail.org;

import dev.leadtrail.storage.Database;
import dev.leadtrail.value.RateLimit;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Stores organisations. Stateless and thread-safe; every method runs on the caller's handle. */
final class OrganisationRepository {

  /** The columns {@link #map} reads, for queries that join organisations under the alias o. */
  public static final String COLUMNS =
      """
      o.id AS o_id, o.short_code AS o_short_code, o.display_name AS o_display_name,
      o.time_zone AS o_time_zone, o.rate_limit_calls AS o_rate_limit_calls,
      o.rate_limit_window_seconds AS o_rate_limit_window_seconds,
      o.bulk_rate_limit_calls AS o_bulk_rate_limit_calls,
      o.bulk_rate_limit_window_seconds AS o_bulk_rate_limit_window_seconds,
      o.shared_phones AS o_shared_phones\
      """;

  private static final String INSERT =
      """
      INSERT INTO organisations (id, short_code, display_name, time_zone, created_at)
      VALUES (:id, :shortCode, :displayName, :timeZone, :createdAt)\
      """;

  private static final String FIND = "SELECT " + COLUMNS + " FROM organisations o WHERE o.id = :id";

  private static final String NEXT_SHORT_CODE =
      """
      SELECT COALESCE(MAX(CAST(short_code AS INTEGER)), 10000) + 1 FROM organisations\
      """;

  private static final String SET_RATE_LIMITS =
      """
      UPDATE organisations
         SET rate_limit_calls = :calls, rate_limit_window_seconds = :windowSeconds,
             bulk_rate_limit_calls = :bulkCalls,
             bulk_rate_limit_window_seconds = :bulkWindowSeconds
       WHERE id = :id\
      """;

  private final Database database;

  OrganisationRepository(Database database) {
    this.database = database;
  }

  public void insert(Organisation organisation, Instant now) {
    Handle handle = database.writeHandle();
    handle
        .createUpdate(INSERT)
        .bind("id", organisation.id().value())
        .bind("shortCode", organisation.shortCode())
        .bind("displayName", organisation.displayName())
        .bind("timeZone", organisation.timeZone())
        .bind("createdAt", now.toEpochMilli())
        .execute();
  }

  public Optional<Organisation> find(OrgId id) {
    Handle handle = database.handle();
    return handle.createQuery(FIND).bind("id", id.value()).map((rs, ctx) -> map(rs)).findOne();
  }

  /** Short codes are numbers, as LeadSquared's are, allocated from 10001 up. */
  public String nextShortCode() {
    Handle handle = database.handle();
    return String.valueOf(handle.createQuery(NEXT_SHORT_CODE).mapTo(Long.class).one());
  }

  /** Sets the organisation's own limits; a null limit means the server's default. */
  public boolean setRateLimits(OrgId id, RateLimit standard, RateLimit bulk) {
    Handle handle = database.writeHandle();
    return handle
            .createUpdate(SET_RATE_LIMITS)
            .bind("id", id.value())
            .bind("calls", standard == null ? null : standard.calls())
            .bind("windowSeconds", standard == null ? null : standard.window().toSeconds())
            .bind("bulkCalls", bulk == null ? null : bulk.calls())
            .bind("bulkWindowSeconds", bulk == null ? null : bulk.window().toSeconds())
            .execute()
        == 1;
  }

  public boolean setSharedPhones(OrgId id, boolean shared) {
    return database
            .writeHandle()
            .createUpdate("UPDATE organisations SET shared_phones = :shared WHERE id = :id")
            .bind("id", id.value())
            .bind("shared", shared)
            .execute()
        == 1;
  }

  public static Organisation map(ResultSet rs) throws SQLException {
    return new Organisation(
        new OrgId(rs.getString("o_id")),
        rs.getString("o_short_code"),
        rs.getString("o_display_name"),
        rs.getString("o_time_zone"),
        limit(rs, "o_rate_limit_calls", "o_rate_limit_window_seconds"),
        limit(rs, "o_bulk_rate_limit_calls", "o_bulk_rate_limit_window_seconds"),
        rs.getBoolean("o_shared_phones"));
  }

  private static RateLimit limit(ResultSet rs, String callsColumn, String windowColumn)
      throws SQLException {
    int calls = rs.getInt(callsColumn);
    if (rs.wasNull()) {
      return null;
    }
    return RateLimit.of(calls, rs.getInt(windowColumn));
  }
}
