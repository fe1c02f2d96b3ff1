package dev.leadtrail.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadtrail.Leadtrail;
import dev.leadtrail.auth.IssuedKey;
import dev.leadtrail.config.ConfigLoader;
import dev.leadtrail.config.LeadtrailConfig;
import dev.leadtrail.demo.DemoOrganisation;
import dev.leadtrail.org.OrgId;
import dev.leadtrail.user.Caller;
import dev.leadtrail.user.Role;
import dev.leadtrail.user.UserId;
import dev.leadtrail.value.RateLimit;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;

/**
 * One store under measurement: prepared through the product's own services (organisation, user,
 * key, the seed-shaped type 313, limits lifted by a setting), then filled with leads and activities
 * by JDBC batches, which is the only way to lay down a million rows in reasonable time. Also checks
 * afterwards that every acknowledged update is stored.
 */
final class BenchStore {

  static final OrgId ORG = new OrgId("be000000-0000-4000-8000-000000000001");
  static final UserId USER = new UserId("be000000-0000-4000-8000-000000000002");
  static final IssuedKey KEYS = new IssuedKey("BenchAccessKey", "BenchSecretKey");
  private static final int LEADS = 1_000;
  private static final int BATCH = 5_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String name;
  private final LeadtrailConfig.Database database;

  BenchStore(String name, LeadtrailConfig.Database database) {
    this.name = name;
    this.database = database;
  }

  String name() {
    return name;
  }

  LeadtrailConfig.Database database() {
    return database;
  }

  /** The organisation, its type and the rows; returns how many activities there are. */
  void prepare(int activities) throws SQLException {
    LeadtrailConfig config = ConfigLoader.defaultConfig().withDatabase(database);
    String typeId;
    try (Leadtrail leadtrail = Leadtrail.open(config)) {
      var organisation = leadtrail.organisations().create(ORG, "Benchmark", "UTC");
      var user =
          leadtrail
              .users()
              .create(ORG, USER, "Bench", "User", "bench@example.com", Role.ADMINISTRATOR);
      leadtrail.apiKeys().issue(ORG, USER, KEYS);
      leadtrail
          .organisations()
          .setRateLimits(ORG, RateLimit.of(1_000_000, 1), RateLimit.of(1_000_000, 1));
      typeId =
          leadtrail
              .activityTypes()
              .create(new Caller(organisation, user), DemoOrganisation.salesCall(), 313)
              .id()
              .value();
    }
    try (Connection connection = connect()) {
      connection.setAutoCommit(false);
      insertLeads(connection);
      insertActivities(connection, typeId, activities);
    }
  }

  private void insertLeads(Connection connection) throws SQLException {
    long now = Instant.now().toEpochMilli();
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO leads (org_id, id, first_name, last_name, email, email_lower, phone,"
                + " owner_id, attributes, score, created_at, created_by, modified_at, modified_by)"
                + " VALUES (?, ?, 'Lead', ?, ?, ?, NULL, ?, '{}', 0, ?, ?, ?, ?)")) {
      for (int i = 0; i < LEADS; i++) {
        String email = "lead" + i + "@bench.example.com";
        insert.setString(1, ORG.value());
        insert.setString(2, leadId(i));
        insert.setString(3, "No. " + i);
        insert.setString(4, email);
        insert.setString(5, email);
        insert.setString(6, USER.value());
        insert.setLong(7, now);
        insert.setString(8, USER.value());
        insert.setLong(9, now);
        insert.setString(10, USER.value());
        insert.addBatch();
      }
      insert.executeBatch();
      connection.commit();
    }
  }

  private void insertActivities(Connection connection, String typeId, int activities)
      throws SQLException {
    long now = Instant.now().toEpochMilli();
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO activities (org_id, id, lead_id, type_id, event_code, score, note, status,"
                + " owner_id, field_values, activity_at, created_at, created_by, modified_at,"
                + " modified_by, version)"
                + " VALUES (?, ?, ?, ?, 313, 10, '', 'Active', ?, '{}', ?, ?, ?, ?, ?, 1)")) {
      for (int i = 0; i < activities; i++) {
        insert.setString(1, ORG.value());
        insert.setString(2, Wrk.activityId(i));
        insert.setString(3, leadId(i % LEADS));
        insert.setString(4, typeId);
        insert.setString(5, USER.value());
        insert.setLong(6, now);
        insert.setLong(7, now);
        insert.setString(8, USER.value());
        insert.setLong(9, now);
        insert.setString(10, USER.value());
        insert.addBatch();
        if ((i + 1) % BATCH == 0) {
          insert.executeBatch();
          connection.commit();
        }
      }
      insert.executeBatch();
      connection.commit();
    }
  }

  /**
   * Updates recorded in the history since {@code since}: every benchmark update changes values, so
   * there is one per acknowledged call.
   */
  long changesSince(long sinceMillis) throws SQLException {
    try (Connection connection = connect();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT COUNT(*) FROM activity_updates WHERE org_id = ? AND changed_at >= ?")) {
      query.setString(1, ORG.value());
      query.setLong(2, sinceMillis);
      try (ResultSet rs = query.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * Re-reads a sample of activities and checks that each one's stored mx_Custom_1 is the value of
   * its latest recorded change; answers how many were checked.
   */
  int verifySample(int activities, int sample) throws SQLException {
    Random random = new Random(42);
    List<String> mismatches = new ArrayList<>();
    int checked = 0;
    try (Connection connection = connect();
        PreparedStatement current =
            connection.prepareStatement(
                "SELECT field_values FROM activities WHERE org_id = ? AND id = ?");
        PreparedStatement latest =
            connection.prepareStatement(
                "SELECT changes FROM activity_updates WHERE org_id = ? AND activity_id = ?"
                    + " ORDER BY version DESC LIMIT 1")) {
      while (checked < sample) {
        String id = Wrk.activityId(random.nextInt(activities));
        current.setString(1, ORG.value());
        current.setString(2, id);
        latest.setString(1, ORG.value());
        latest.setString(2, id);
        String stored;
        try (ResultSet rs = current.executeQuery()) {
          rs.next();
          stored = rs.getString(1);
        }
        try (ResultSet rs = latest.executeQuery()) {
          String expected = rs.next() ? latestValue(rs.getString(1)) : null;
          boolean matches =
              expected == null
                  ? !stored.contains("mx_Custom_1")
                  : stored.contains('"' + expected + '"');
          if (!matches) {
            mismatches.add(id);
          }
        }
        checked++;
      }
    }
    if (!mismatches.isEmpty()) {
      throw new IllegalStateException(
          name
              + ": "
              + mismatches.size()
              + " activities disagree with their history, e.g. "
              + mismatches.getFirst());
    }
    return checked;
  }

  /** The new value of mx_Custom_1 in one update's stored changes. */
  private static String latestValue(String changes) {
    try {
      for (JsonNode change : JSON.readTree(changes)) {
        if (change.path("Field").asText().equals("mx_Custom_1")) {
          return change.path("NewValue").asText();
        }
      }
      return null;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored changes are not JSON", e);
    }
  }

  /** A plain connection, set up as the server's are: on SQLite, WAL and synchronous=FULL. */
  Connection connect() throws SQLException {
    Properties properties = new Properties();
    if (database.url().startsWith("jdbc:postgresql:")) {
      properties.setProperty("user", database.user());
      properties.setProperty("password", database.password());
    } else {
      properties.setProperty("journal_mode", "WAL");
      properties.setProperty("synchronous", "FULL");
      properties.setProperty("busy_timeout", "10000");
    }
    return DriverManager.getConnection(database.url(), properties);
  }

  private static String leadId(int index) {
    return String.format("b1000000-0000-4000-8000-%012d", index);
  }
}
