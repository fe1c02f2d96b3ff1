package dev.leadtrail.lead;

import dev.leadtrail.org.OrgId;
import dev.leadtrail.storage.Database;
import dev.leadtrail.storage.Dialect;
import dev.leadtrail.storage.RowLock;
import dev.leadtrail.storage.StringMapColumn;
import dev.leadtrail.user.UserId;
import dev.leadtrail.value.EmailAddress;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Stores leads. The attributes that are searched or joined on have columns of their own; the rest
 * are kept together as a JSON object of strings. Stateless and thread-safe.
 */
final class LeadRepository {

  private static final String COLUMNS =
      """
      l.org_id, l.id, l.first_name, l.last_name, l.email, l.phone, l.owner_id, l.attributes,
      l.score, l.created_at, l.created_by, l.modified_at, l.modified_by\
      """;

  private static final String INSERT =
      """
      INSERT INTO leads (org_id, id, first_name, last_name, email, email_lower, phone, owner_id,
                         attributes, score, created_at, created_by, modified_at, modified_by)
      VALUES (:orgId, :id, :firstName, :lastName, :email, :emailLower, :phone, :ownerId,
              :attributes, 0, :createdAt, :createdBy, :modifiedAt, :modifiedBy)\
      """;

  private static final String UPDATE =
      """
      UPDATE leads
         SET first_name = :firstName, last_name = :lastName, email = :email,
             email_lower = :emailLower, phone = :phone, owner_id = :ownerId,
             attributes = :attributes, modified_at = :modifiedAt, modified_by = :modifiedBy
       WHERE org_id = :orgId AND id = :id\
      """;

  private static final String FIND =
      "SELECT " + COLUMNS + " FROM leads l WHERE l.org_id = :orgId AND l.id = :id";

  private static final String FIND_BY_EMAIL =
      "SELECT " + COLUMNS + " FROM leads l WHERE l.org_id = :orgId AND l.email_lower = :emailLower";

  private static final String FIND_BY_PHONE =
      "SELECT "
          + COLUMNS
          + " FROM leads l WHERE l.org_id = :orgId AND l.phone = :phone ORDER BY l.created_at,"
          + " l.id";

  /**
   * Leads whose first name, last name, whole name, email address or phone starts with the pattern
   * (lower-cased, with LIKE's wildcards escaped by {@code !}), oldest first.
   */
  private static final String QUICK_SEARCH =
      "SELECT "
          + COLUMNS
          + """
           FROM leads l
          WHERE l.org_id = :orgId
            AND (LOWER(COALESCE(l.first_name, '')) LIKE :prefix ESCAPE '!'
                 OR LOWER(COALESCE(l.last_name, '')) LIKE :prefix ESCAPE '!'
                 OR LOWER(COALESCE(l.first_name, '') || ' ' || COALESCE(l.last_name, ''))
                    LIKE :prefix ESCAPE '!'
                 OR COALESCE(l.email_lower, '') LIKE :prefix ESCAPE '!'
                 OR COALESCE(l.phone, '') LIKE :prefix ESCAPE '!')
          ORDER BY l.created_at, l.id
          LIMIT :limit\
          """;

  private static final String ADD_SCORE =
      "UPDATE leads SET score = score + :points WHERE org_id = :orgId AND id = :id";

  private static final RowMapper<Lead> ROW = (rs, ctx) -> map(rs);

  private final Database database;
  private final Dialect dialect;

  LeadRepository(Database database) {
    this.database = database;
    this.dialect = database.dialect();
  }

  void insert(Lead lead) {
    Handle handle = database.writeHandle();
    bindAttributes(handle.createUpdate(INSERT), lead)
        .bind("createdAt", lead.createdAt().toEpochMilli())
        .bind("createdBy", lead.createdBy().value())
        .execute();
  }

  void update(Lead lead) {
    Handle handle = database.writeHandle();
    bindAttributes(handle.createUpdate(UPDATE), lead).execute();
  }

  void addScore(OrgId orgId, LeadId id, int points) {
    Handle handle = database.writeHandle();
    handle
        .createUpdate(ADD_SCORE)
        .bind("orgId", orgId.value())
        .bind("id", id.value())
        .bind("points", points)
        .execute();
  }

  Optional<Lead> find(OrgId orgId, LeadId id, RowLock lock) {
    Handle handle = database.handle();
    return select(FIND, orgId, lock).bind("id", id.value()).map(ROW).findOne();
  }

  Optional<Lead> findByEmail(OrgId orgId, EmailAddress email, RowLock lock) {
    Handle handle = database.handle();
    return select(FIND_BY_EMAIL, orgId, lock).bind("emailLower", email.key()).map(ROW).findOne();
  }

  List<Lead> findByPhone(OrgId orgId, String phone, RowLock lock) {
    Handle handle = database.handle();
    return select(FIND_BY_PHONE, orgId, lock).bind("phone", phone).map(ROW).list();
  }

  /** The names of the custom attributes the organisation's leads hold, in any order. */
  List<String> customAttributeNames(OrgId orgId) {
    return database
        .handle()
        .createQuery(dialect.distinctJsonKeys("leads", "attributes"))
        .bind("orgId", orgId.value())
        .mapTo(String.class)
        .list();
  }

  /** At most {@code limit} leads that {@code key} starts a name, address or phone of. */
  List<Lead> quickSearch(OrgId orgId, String key, int limit) {
    String prefix =
        key.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    return select(QUICK_SEARCH, orgId, RowLock.NONE)
        .bind("prefix", prefix)
        .bind("limit", limit)
        .map(ROW)
        .list();
  }

  private Query select(String sql, OrgId orgId, RowLock lock) {
    Handle handle = database.handle();
    return handle.createQuery(dialect.withLock(sql, lock)).bind("orgId", orgId.value());
  }

  private static <S extends SqlStatement<S>> S bindAttributes(S statement, Lead lead) {
    Map<String, String> others = new TreeMap<>(lead.attributes());
    LeadAttributeRules.STANDARD_COLUMNS.forEach(others::remove);
    String email = lead.attributes().get(LeadAttributeRules.EMAIL);
    return statement
        .bind("orgId", lead.orgId().value())
        .bind("id", lead.id().value())
        .bind("firstName", lead.attributes().get(LeadAttributeRules.FIRST_NAME))
        .bind("lastName", lead.attributes().get(LeadAttributeRules.LAST_NAME))
        .bind("email", email)
        .bind("emailLower", email == null ? null : new EmailAddress(email).key())
        .bind("phone", lead.attributes().get(LeadAttributeRules.PHONE))
        .bind("ownerId", lead.attributes().get(LeadAttributeRules.OWNER))
        .bind("attributes", StringMapColumn.write(others))
        .bind("modifiedAt", lead.modifiedAt().toEpochMilli())
        .bind("modifiedBy", lead.modifiedBy().value());
  }

  private static Lead map(ResultSet rs) throws SQLException {
    Map<String, String> attributes =
        new HashMap<>(StringMapColumn.read(rs.getString("attributes")));
    putIfPresent(attributes, LeadAttributeRules.FIRST_NAME, rs.getString("first_name"));
    putIfPresent(attributes, LeadAttributeRules.LAST_NAME, rs.getString("last_name"));
    putIfPresent(attributes, LeadAttributeRules.EMAIL, rs.getString("email"));
    putIfPresent(attributes, LeadAttributeRules.PHONE, rs.getString("phone"));
    putIfPresent(attributes, LeadAttributeRules.OWNER, rs.getString("owner_id"));
    return new Lead(
        new OrgId(rs.getString("org_id")),
        new LeadId(rs.getString("id")),
        attributes,
        rs.getLong("score"),
        Instant.ofEpochMilli(rs.getLong("created_at")),
        new UserId(rs.getString("created_by")),
        Instant.ofEpochMilli(rs.getLong("modified_at")),
        new UserId(rs.getString("modified_by")));
  }

  private static void putIfPresent(Map<String, String> attributes, String name, String value) {
    if (value != null) {
      attributes.put(name, value);
    }
  }
}
