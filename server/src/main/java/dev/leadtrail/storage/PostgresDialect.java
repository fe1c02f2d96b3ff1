package dev.leadtrail.storage;

import java.sql.SQLException;
import org.jdbi.v3.core.Handle;

/** PostgreSQL: the shared store when several instances serve one organisation. */
public record PostgresDialect() implements Dialect {

  private static final String UNIQUE_VIOLATION = "23505";

  @Override
  public String name() {
    return "postgresql";
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
  public boolean isUniqueViolation(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException e && UNIQUE_VIOLATION.equals(e.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
