package dev.leadtrail.testing;

import dev.leadtrail.config.LeadtrailConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh, empty store for one test class: a SQLite file in a temporary folder, or a schema of its
 * own in the machine's PostgreSQL (dropped afterwards). Where no PostgreSQL answers, PostgreSQL
 * tests are skipped with a message, unless {@code POSTGRES_TEST_REQUIRED=true} (as in CI), which
 * makes them fail instead.
 */
public final class TestDatabase implements AutoCloseable {

  private static final String POSTGRES_URL =
      envOr("POSTGRES_TEST_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  private static final String POSTGRES_USER = envOr("POSTGRES_TEST_USER", "postgres");
  private static final boolean POSTGRES_REQUIRED =
      Boolean.parseBoolean(envOr("POSTGRES_TEST_REQUIRED", "false"));

  private final LeadtrailConfig.Database config;
  private final String postgresSchema;

  private TestDatabase(LeadtrailConfig.Database config, String postgresSchema) {
    this.config = config;
    this.postgresSchema = postgresSchema;
  }

  public static TestDatabase of(Store store, Path folder) {
    return switch (store) {
      case SQLITE -> sqlite(folder);
      case POSTGRES -> postgres();
    };
  }

  public static TestDatabase sqlite(Path folder) {
    String url = "jdbc:sqlite:" + folder.resolve("leadtrail-test.db");
    return new TestDatabase(new LeadtrailConfig.Database(url, "", "", 4), null);
  }

  public static TestDatabase postgres() {
    String schema = "lt_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      String why = "no PostgreSQL at " + POSTGRES_URL + " (" + e.getMessage() + ")";
      if (POSTGRES_REQUIRED) {
        throw new IllegalStateException(why + ", and POSTGRES_TEST_REQUIRED=true", e);
      }
      Assumptions.abort(
          "Skipping PostgreSQL tests: " + why + ". Set POSTGRES_TEST_URL to run them.");
    }
    String separator = POSTGRES_URL.contains("?") ? "&" : "?";
    String url = POSTGRES_URL + separator + "currentSchema=" + schema;
    return new TestDatabase(new LeadtrailConfig.Database(url, POSTGRES_USER, "", 8), schema);
  }

  /** Runs a statement behind the server's back, e.g. to break the store on purpose. */
  public void execute(String sql) throws SQLException {
    try (Connection connection =
            DriverManager.getConnection(config.url(), config.user(), config.password());
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** The first column of the first row a query gives, read behind the server's back. */
  public String queryString(String sql) throws SQLException {
    try (Connection connection =
            DriverManager.getConnection(config.url(), config.user(), config.password());
        Statement statement = connection.createStatement();
        var rows = statement.executeQuery(sql)) {
      return rows.next() ? rows.getString(1) : null;
    }
  }

  /**
   * Every row of the tables, as text in a stable order, read behind the server's back: two equal
   * snapshots mean nothing in them changed.
   */
  public String snapshot(List<String> tables) throws SQLException {
    var text = new StringBuilder();
    try (Connection connection =
            DriverManager.getConnection(config.url(), config.user(), config.password());
        Statement statement = connection.createStatement()) {
      for (String table : tables) {
        List<String> rows = new ArrayList<>();
        try (var result = statement.executeQuery("SELECT * FROM " + table)) {
          int columns = result.getMetaData().getColumnCount();
          while (result.next()) {
            var row = new StringBuilder();
            for (int i = 1; i <= columns; i++) {
              row.append(result.getString(i)).append('|');
            }
            rows.add(row.toString());
          }
        }
        Collections.sort(rows);
        text.append(table).append('\n');
        rows.forEach(row -> text.append(row).append('\n'));
      }
    }
    return text.toString();
  }

  /** The same schema reached through another host and port, e.g. a {@link TcpProxy}. */
  public LeadtrailConfig.Database configThrough(int port) {
    if (postgresSchema == null) {
      throw new IllegalStateException("only a PostgreSQL store is reached over TCP");
    }
    return new LeadtrailConfig.Database(
        config.url().replace("127.0.0.1:5432", "127.0.0.1:" + port), config.user(), "", 4);
  }

  public LeadtrailConfig.Database config() {
    return config;
  }

  @Override
  public void close() throws SQLException {
    if (postgresSchema == null) {
      return;
    }
    try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "");
        Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA " + postgresSchema + " CASCADE");
    }
  }

  /** The stores every storage-touching suite runs against. */
  public enum Store {
    SQLITE,
    POSTGRES;

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static String envOr(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
