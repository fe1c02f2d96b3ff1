package dev.leadtrail.storage;

import com.zaxxer.hikari.HikariConfig;
import java.sql.SQLException;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementBuilderFactory;

/** PostgreSQL: the shared store when several instances serve one organisation. */
public record PostgresDialect() implements Dialect {

  private static final String UNIQUE_VIOLATION = "23505";

  // The window is cut by the database's clock, so instances whose clocks disagree still count in
  // the same window. The table is unlogged: after a crash of PostgreSQL every budget starts full.
  private static final String COUNT_CALLS_IN_WINDOW =
      """
      WITH clock AS (SELECT (EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::BIGINT AS now_ms)
      INSERT INTO rate_limit_windows AS w (budget, window_start, calls)
      SELECT ?, now_ms - now_ms % ?, ? FROM clock
      ON CONFLICT (budget) DO UPDATE
         SET calls = CASE WHEN w.window_start = excluded.window_start
                          THEN w.calls + excluded.calls ELSE excluded.calls END,
             window_start = excluded.window_start
      RETURNING w.calls, w.window_start + ? - (SELECT now_ms FROM clock) AS remaining_ms\
      """;

  @Override
  public String name() {
    return "postgresql";
  }

  @Override
  public void prepareLocation(String jdbcUrl) {
    // The server keeps its own files.
  }

  @Override
  public boolean hasOneWriter() {
    return false;
  }

  @Override
  public int readers() {
    return 0;
  }

  @Override
  public void configurePool(HikariConfig pool) {
    // The driver's defaults serve.
  }

  @Override
  public void configureWriter(HikariConfig writer) {
    // Every connection writes.
  }

  @Override
  public Optional<StatementBuilderFactory> statementCache() {
    return Optional.empty();
  }

  @Override
  public String distinctJsonKeys(String table, String column) {
    return "SELECT DISTINCT jsonb_object_keys("
        + column
        + "::jsonb) AS key FROM "
        + table
        + " WHERE org_id = :orgId";
  }

  @Override
  public String lockSkippingLocked() {
    return " FOR UPDATE SKIP LOCKED";
  }

  @Override
  public String lockForUpdate() {
    return " FOR UPDATE";
  }

  @Override
  public void serialize(Handle handle, String name) {
    handle
        .createQuery("SELECT pg_advisory_xact_lock(hashtextextended(:name, 0))")
        .bind("name", name)
        .map((row, context) -> true)
        .one();
  }

  @Override
  public boolean chainsWrites() {
    return true;
  }

  @Override
  public Optional<String> countCallsInWindow() {
    return Optional.of(COUNT_CALLS_IN_WINDOW);
  }

  @Override
  public boolean isUniqueViolation(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException e && UNIQUE_VIOLATION.equals(e.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
