package dev.leadtrail.user;

import dev.leadtrail.org.OrgId;
import dev.leadtrail.storage.Database;
import dev.leadtrail.value.EmailAddress;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Stores users. Stateless and thread-safe; every method takes the organisation first. */
final class UserRepository {

  /** The columns {@link #map} reads, for queries that join users under the alias u. */
  public static final String COLUMNS =
      """
      u.org_id AS u_org_id, u.id AS u_id, u.first_name AS u_first_name,
      u.last_name AS u_last_name, u.email AS u_email, u.role AS u_role, u.active AS u_active\
      """;

  private static final String INSERT =
      """
      INSERT INTO users (org_id, id, first_name, last_name, email, email_lower, role, active,
                         created_at)
      VALUES (:orgId, :id, :firstName, :lastName, :email, :emailLower, :role, :active, :createdAt)\
      """;

  private static final String FIND =
      "SELECT " + COLUMNS + " FROM users u WHERE u.org_id = :orgId AND u.id = :id";

  private static final String FIND_BY_EMAIL =
      "SELECT " + COLUMNS + " FROM users u WHERE u.org_id = :orgId AND u.email_lower = :emailLower";

  private static final String LIST =
      "SELECT "
          + COLUMNS
          + " FROM users u WHERE u.org_id = :orgId ORDER BY u.first_name, u.last_name, u.id";

  private static final String SET_ACTIVE =
      "UPDATE users SET active = :active WHERE org_id = :orgId AND id = :id";

  private final Database database;

  UserRepository(Database database) {
    this.database = database;
  }

  public void insert(User user, Instant now) {
    Handle handle = database.writeHandle();
    handle
        .createUpdate(INSERT)
        .bind("orgId", user.orgId().value())
        .bind("id", user.id().value())
        .bind("firstName", user.firstName())
        .bind("lastName", user.lastName())
        .bind("email", user.email())
        .bind("emailLower", new EmailAddress(user.email()).key())
        .bind("role", user.role().wireName())
        .bind("active", user.active())
        .bind("createdAt", now.toEpochMilli())
        .execute();
  }

  public Optional<User> find(OrgId orgId, UserId id) {
    Handle handle = database.handle();
    return handle
        .createQuery(FIND)
        .bind("orgId", orgId.value())
        .bind("id", id.value())
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  public Optional<User> findByEmail(OrgId orgId, EmailAddress email) {
    Handle handle = database.handle();
    return handle
        .createQuery(FIND_BY_EMAIL)
        .bind("orgId", orgId.value())
        .bind("emailLower", email.key())
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  public List<User> list(OrgId orgId) {
    Handle handle = database.handle();
    return handle.createQuery(LIST).bind("orgId", orgId.value()).map((rs, ctx) -> map(rs)).list();
  }

  public boolean setActive(OrgId orgId, UserId id, boolean active) {
    Handle handle = database.writeHandle();
    return handle
            .createUpdate(SET_ACTIVE)
            .bind("orgId", orgId.value())
            .bind("id", id.value())
            .bind("active", active)
            .execute()
        == 1;
  }

  public static User map(ResultSet rs) throws SQLException {
    return new User(
        new OrgId(rs.getString("u_org_id")),
        new UserId(rs.getString("u_id")),
        rs.getString("u_first_name"),
        rs.getString("u_last_name"),
        rs.getString("u_email"),
        Role.named(rs.getString("u_role")).orElseThrow(),
        rs.getBoolean("u_active"));
  }
}
