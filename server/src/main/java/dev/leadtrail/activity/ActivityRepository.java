package dev.leadtrail.activity;

import dev.leadtrail.activitytype.ActivityTypeId;
import dev.leadtrail.lead.LeadId;
import dev.leadtrail.org.OrgId;
import dev.leadtrail.storage.Database;
import dev.leadtrail.storage.Dialect;
import dev.leadtrail.storage.RowLock;
import dev.leadtrail.storage.StringMapColumn;
import dev.leadtrail.user.UserId;
import dev.leadtrail.value.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.Update;

/** Stores activities. Stateless and thread-safe. */
final class ActivityRepository {

  private static final String COLUMNS =
      """
      a.org_id, a.id, a.lead_id, a.type_id, a.event_code, a.score, a.note, a.status, a.owner_id,
      a.field_values, a.activity_at, a.created_at, a.created_by, a.modified_at, a.modified_by,
      a.version\
      """;

  private static final String INSERT =
      """
      INSERT INTO activities (org_id, id, lead_id, type_id, event_code, score, note, status,
                              owner_id, field_values, activity_at, created_at, created_by,
                              modified_at, modified_by, version)
      VALUES (:orgId, :id, :leadId, :typeId, :eventCode, :score, :note, :status, :ownerId,
              :fieldValues, :activityAt, :createdAt, :createdBy, :modifiedAt, :modifiedBy,
              :version)\
      """;

  private static final String FIND =
      "SELECT "
          + COLUMNS
          + ", (SELECT t.version FROM activity_types t WHERE t.org_id = a.org_id AND t.id ="
          + " a.type_id) AS type_version FROM activities a WHERE a.org_id = :orgId AND a.id = :id";

  private static final String LEAD_FILTER = " WHERE a.org_id = :orgId AND a.lead_id = :leadId";
  private static final String LEAD_AND_EVENT_FILTER =
      LEAD_FILTER + " AND a.event_code = :eventCode";
  private static final String NEWEST_FIRST = " ORDER BY a.activity_at DESC, a.id DESC";
  private static final String PAGE = " LIMIT :limit OFFSET :offset";

  private static final String WINDOW_FILTER =
      " WHERE a.org_id = :orgId AND a.modified_at >= :from AND a.modified_at <= :to";
  private static final String EVENT_FILTER = " AND a.event_code = :eventCode";

  private static final String UPDATE =
      """
      UPDATE activities
         SET note = :note, status = :status, owner_id = :ownerId, field_values = :fieldValues,
             modified_at = :modifiedAt, modified_by = :modifiedBy, version = :version
       WHERE org_id = :orgId AND id = :id AND version = :previousVersion\
      """;

  private static final String UPDATE_AND_RECORD =
      "WITH updated AS ("
          + UPDATE
          + " RETURNING org_id, id)"
          + " INSERT INTO activity_updates"
          + " (org_id, activity_id, version, changed_at, changed_by, changes)"
          + " SELECT org_id, id, :version, :modifiedAt, :modifiedBy, :changes FROM updated";

  private static final String INSERT_UPDATE =
      """
      INSERT INTO activity_updates (org_id, activity_id, version, changed_at, changed_by, changes)
      VALUES (:orgId, :activityId, :version, :changedAt, :changedBy, :changes)\
      """;

  private static final String FIND_ALL =
      "SELECT " + COLUMNS + " FROM activities a WHERE a.org_id = :orgId AND a.id IN (<ids>)";

  private static final String CHANGES_WINDOW =
      " FROM activity_updates c JOIN activities a ON a.org_id = c.org_id AND a.id = c.activity_id"
          + " WHERE c.org_id = :orgId AND c.changed_at >= :from AND c.changed_at <= :to";

  private static final String CHANGES_OF =
      """
      SELECT c.activity_id, c.version, c.changed_at, c.changed_by, c.changes
        FROM activity_updates c
       WHERE c.org_id = :orgId AND c.activity_id IN (<ids>)
         AND c.changed_at >= :from AND c.changed_at <= :to
       ORDER BY c.activity_id, c.version\
      """;

  private static final RowMapper<Activity> ROW = (rs, ctx) -> map(rs);

  /** An activity as read, with the version its type was at then. */
  record Found(Activity activity, long typeVersion) {}

  /**
   * An update ready to store: the activity as it becomes, the version it must still be at, and what
   * changed. Its JSON columns are written when it is made, on the caller's thread, so that storing
   * it (on SQLite, by the one writer that every write queues for) only runs statements.
   */
  record StoredChange(
      Activity after,
      long previousVersion,
      List<ActivityChange> changes,
      String fieldValues,
      String changeList) {

    static StoredChange of(Activity after, long previousVersion, List<ActivityChange> changes) {
      return new StoredChange(
          after,
          previousVersion,
          changes,
          StringMapColumn.write(after.fieldValues()),
          changes.isEmpty() ? "[]" : ChangeListColumn.write(changes));
    }
  }

  /** The columns a list by activity type may be sorted on. */
  enum SortColumn {
    MODIFIED_ON("a.modified_at"),
    CREATED_ON("a.created_at");

    private final String column;

    SortColumn(String column) {
      this.column = column;
    }
  }

  private final Database database;
  private final Dialect dialect;

  ActivityRepository(Database database) {
    this.database = database;
    this.dialect = database.dialect();
  }

  void insert(Activity activity) {
    Handle handle = database.writeHandle();
    handle
        .createUpdate(INSERT)
        .bind("orgId", activity.orgId().value())
        .bind("id", activity.id().value())
        .bind("leadId", activity.leadId().value())
        .bind("typeId", activity.typeId().value())
        .bind("eventCode", activity.eventCode())
        .bind("score", activity.score())
        .bind("note", activity.note())
        .bind("status", activity.status())
        .bind("ownerId", activity.owner().value())
        .bind("fieldValues", StringMapColumn.write(activity.fieldValues()))
        .bind("activityAt", activity.activityAt().toEpochMilli())
        .bind("createdAt", activity.createdAt().toEpochMilli())
        .bind("createdBy", activity.createdBy().value())
        .bind("modifiedAt", activity.modifiedAt().toEpochMilli())
        .bind("modifiedBy", activity.modifiedBy().value())
        .bind("version", activity.version())
        .execute();
  }

  /** Whether {@link #updateAndRecord} runs one statement: where the dialect chains writes. */
  boolean storesChangeInOneStatement() {
    return dialect.chainsWrites();
  }

  /**
   * Stores a changed activity and records what changed, provided it is still at the version the
   * change was worked out from: in one statement where the dialect chains writes.
   */
  boolean updateAndRecord(StoredChange change) {
    Handle handle = database.writeHandle();
    if (change.changes().isEmpty() || !dialect.chainsWrites()) {
      if (bindUpdate(handle.createUpdate(UPDATE), change).execute() != 1) {
        return false;
      }
      insertChanges(change);
      return true;
    }
    return bindUpdate(handle.createUpdate(UPDATE_AND_RECORD), change)
            .bind("changes", change.changeList())
            .execute()
        == 1;
  }

  private static Update bindUpdate(Update update, StoredChange change) {
    Activity activity = change.after();
    return update
        .bind("orgId", activity.orgId().value())
        .bind("id", activity.id().value())
        .bind("note", activity.note())
        .bind("status", activity.status())
        .bind("ownerId", activity.owner().value())
        .bind("fieldValues", change.fieldValues())
        .bind("modifiedAt", activity.modifiedAt().toEpochMilli())
        .bind("modifiedBy", activity.modifiedBy().value())
        .bind("version", activity.version())
        .bind("previousVersion", change.previousVersion());
  }

  /** Records what one update changed, all of it in one row; nothing when nothing changed. */
  private void insertChanges(StoredChange change) {
    Handle handle = database.writeHandle();
    if (change.changes().isEmpty()) {
      return;
    }
    Activity activity = change.after();
    handle
        .createUpdate(INSERT_UPDATE)
        .bind("orgId", activity.orgId().value())
        .bind("activityId", activity.id().value())
        .bind("version", activity.version())
        .bind("changedAt", activity.modifiedAt().toEpochMilli())
        .bind("changedBy", activity.modifiedBy().value())
        .bind("changes", change.changeList())
        .execute();
  }

  /**
   * The activities changed within [from, to], of one activity or of some event codes, ordered by
   * their first change in the window, then id.
   */
  Page<ActivityId> changedWithin(
      OrgId orgId,
      Instant from,
      Instant to,
      ActivityId only,
      List<Integer> eventCodes,
      PageRequest page) {
    Handle handle = database.handle();
    String filter =
        only != null ? " AND c.activity_id = :only" : " AND a.event_code IN (<eventCodes>)";
    var count =
        handle.createQuery("SELECT COUNT(DISTINCT c.activity_id)" + CHANGES_WINDOW + filter);
    var ids =
        handle.createQuery(
            "SELECT c.activity_id"
                + CHANGES_WINDOW
                + filter
                + " GROUP BY c.activity_id ORDER BY MIN(c.changed_at), c.activity_id"
                + PAGE);
    for (var query : List.of(count, ids)) {
      query
          .bind("orgId", orgId.value())
          .bind("from", from.toEpochMilli())
          .bind("to", to.toEpochMilli());
      if (only != null) {
        query.bind("only", only.value());
      } else {
        query.bindList("eventCodes", eventCodes);
      }
    }
    long total = count.mapTo(Long.class).one();
    List<ActivityId> changed =
        ids.bind("limit", page.size())
            .bind("offset", page.offset())
            .map((rs, ctx) -> new ActivityId(rs.getString("activity_id")))
            .list();
    return new Page<>(total, changed);
  }

  List<Activity> findAll(OrgId orgId, List<ActivityId> ids) {
    Handle handle = database.handle();
    if (ids.isEmpty()) {
      return List.of();
    }
    return handle
        .createQuery(FIND_ALL)
        .bind("orgId", orgId.value())
        .bindList("ids", ids.stream().map(ActivityId::value).toList())
        .map(ROW)
        .list();
  }

  /** The changes of these activities within [from, to], oldest first. */
  List<ActivityChange> changesOf(OrgId orgId, List<ActivityId> ids, Instant from, Instant to) {
    Handle handle = database.handle();
    if (ids.isEmpty()) {
      return List.of();
    }
    return handle
        .createQuery(CHANGES_OF)
        .bind("orgId", orgId.value())
        .bindList("ids", ids.stream().map(ActivityId::value).toList())
        .bind("from", from.toEpochMilli())
        .bind("to", to.toEpochMilli())
        .map((rs, ctx) -> expand(rs))
        .list()
        .stream()
        .flatMap(List::stream)
        .toList();
  }

  private static List<ActivityChange> expand(ResultSet rs) throws SQLException {
    ActivityId activityId = new ActivityId(rs.getString("activity_id"));
    long version = rs.getLong("version");
    Instant changedAt = Instant.ofEpochMilli(rs.getLong("changed_at"));
    UserId changedBy = new UserId(rs.getString("changed_by"));
    return ChangeListColumn.read(rs.getString("changes")).stream()
        .map(
            e ->
                new ActivityChange(
                    activityId,
                    version,
                    e.field(),
                    e.oldValue(),
                    e.newValue(),
                    changedAt,
                    changedBy))
        .toList();
  }

  Optional<Found> find(OrgId orgId, ActivityId id, RowLock lock) {
    Handle handle = database.handle();
    return handle
        .createQuery(dialect.withLock(FIND, lock))
        .bind("orgId", orgId.value())
        .bind("id", id.value())
        .map((rs, ctx) -> new Found(map(rs), rs.getLong("type_version")))
        .findOne();
  }

  /** A lead's activities, newest first, of one type when {@code eventCode} is given. */
  Page<Activity> forLead(OrgId orgId, LeadId leadId, Integer eventCode, PageRequest page) {
    Handle handle = database.handle();
    String filter = eventCode == null ? LEAD_FILTER : LEAD_AND_EVENT_FILTER;
    var count =
        handle
            .createQuery("SELECT COUNT(*) FROM activities a" + filter)
            .bind("orgId", orgId.value())
            .bind("leadId", leadId.value());
    var rows =
        handle
            .createQuery("SELECT " + COLUMNS + " FROM activities a" + filter + NEWEST_FIRST + PAGE)
            .bind("orgId", orgId.value())
            .bind("leadId", leadId.value())
            .bind("limit", page.size())
            .bind("offset", page.offset());
    if (eventCode != null) {
      count.bind("eventCode", eventCode);
      rows.bind("eventCode", eventCode);
    }
    return new Page<>(count.mapTo(Long.class).one(), rows.map(ROW).list());
  }

  /** Activities of one type modified within [from, to], in a stable order. */
  private static final String OF_LEAD_TO_DELETE =
      """
      SELECT a.id FROM activities a
       WHERE a.org_id = :orgId AND a.lead_id = :leadId AND a.event_code IN (<eventCodes>)
         AND a.activity_at >= :from AND a.activity_at <= :to\
      """;

  /** The tables whose rows belong to an activity, emptied of them before it is deleted. */
  private static final List<String> DEPENDENTS =
      List.of("activity_updates", "file_fetches", "activity_attachments");

  /**
   * Within a write: deletes the lead's activities of these types whose date is in the window, with
   * their history, fetches and attachments; answers how many.
   */
  int deleteOfLead(OrgId orgId, LeadId leadId, List<Integer> eventCodes, Instant from, Instant to) {
    Handle handle = database.writeHandle();
    List<String> ids =
        handle
            .createQuery(OF_LEAD_TO_DELETE)
            .bind("orgId", orgId.value())
            .bind("leadId", leadId.value())
            .bindList("eventCodes", eventCodes)
            .bind("from", from.toEpochMilli())
            .bind("to", to.toEpochMilli())
            .mapTo(String.class)
            .list();
    if (ids.isEmpty()) {
      return 0;
    }
    for (String table : DEPENDENTS) {
      handle
          .createUpdate(
              "DELETE FROM " + table + " WHERE org_id = :orgId AND activity_id IN (<ids>)")
          .bind("orgId", orgId.value())
          .bindList("ids", ids)
          .execute();
    }
    return handle
        .createUpdate("DELETE FROM activities WHERE org_id = :orgId AND id IN (<ids>)")
        .bind("orgId", orgId.value())
        .bindList("ids", ids)
        .execute();
  }

  /** Whether any activity of the organisation is of this type, within the current read or write. */
  boolean anyOfType(OrgId orgId, ActivityTypeId typeId) {
    return database
        .handle()
        .createQuery(
            "SELECT id FROM activities WHERE org_id = :orgId AND type_id = :typeId LIMIT 1")
        .bind("orgId", orgId.value())
        .bind("typeId", typeId.value())
        .mapTo(String.class)
        .findFirst()
        .isPresent();
  }

  /** Activities modified within the window, of one type when {@code eventCode} is given. */
  Page<Activity> modifiedWithin(
      OrgId orgId,
      Integer eventCode,
      Instant from,
      Instant to,
      SortColumn sortColumn,
      boolean newestFirst,
      PageRequest page) {
    Handle handle = database.handle();
    String filter = WINDOW_FILTER + (eventCode == null ? "" : EVENT_FILTER);
    String direction = newestFirst ? " DESC" : " ASC";
    String order = " ORDER BY " + sortColumn.column + direction + ", a.id" + direction;
    Query count =
        handle
            .createQuery("SELECT COUNT(*) FROM activities a" + filter)
            .bind("orgId", orgId.value())
            .bind("from", from.toEpochMilli())
            .bind("to", to.toEpochMilli());
    Query rows =
        handle
            .createQuery("SELECT " + COLUMNS + " FROM activities a" + filter + order + PAGE)
            .bind("orgId", orgId.value())
            .bind("from", from.toEpochMilli())
            .bind("to", to.toEpochMilli())
            .bind("limit", page.size())
            .bind("offset", page.offset());
    if (eventCode != null) {
      count.bind("eventCode", eventCode);
      rows.bind("eventCode", eventCode);
    }
    return new Page<>(count.mapTo(Long.class).one(), rows.map(ROW).list());
  }

  private static Activity map(ResultSet rs) throws SQLException {
    return ActivityBuilder.builder()
        .orgId(new OrgId(rs.getString("org_id")))
        .id(new ActivityId(rs.getString("id")))
        .leadId(new LeadId(rs.getString("lead_id")))
        .typeId(new ActivityTypeId(rs.getString("type_id")))
        .eventCode(rs.getInt("event_code"))
        .score(rs.getInt("score"))
        .note(rs.getString("note"))
        .status(rs.getString("status"))
        .owner(new UserId(rs.getString("owner_id")))
        .fieldValues(StringMapColumn.read(rs.getString("field_values")))
        .activityAt(Instant.ofEpochMilli(rs.getLong("activity_at")))
        .createdAt(Instant.ofEpochMilli(rs.getLong("created_at")))
        .createdBy(new UserId(rs.getString("created_by")))
        .modifiedAt(Instant.ofEpochMilli(rs.getLong("modified_at")))
        .modifiedBy(new UserId(rs.getString("modified_by")))
        .version(rs.getLong("version"))
        .build();
  }
}
