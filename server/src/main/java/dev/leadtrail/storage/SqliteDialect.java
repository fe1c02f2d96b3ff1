package dev.leadtrail.storage;

import java.sql.SQLException;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.sqlite.SQLiteErrorCode;

/** SQLite: one file, WAL journal, one writer. */
public record SqliteDialect() implements Dialect {

  @Override
  public String name() {
    return "sqlite";
  }

  @Override
  public String lockForUpdate() {
    return "";
  }

  @Override
  public void serialize(Handle handle, String name) {
    // The one writer runs every write transaction alone.
  }

  @Override
  public boolean chainsWrites() {
    return false;
  }

  @Override
  public Optional<String> countCallsInWindow() {
    return Optional.empty();
  }

  @Override
  public boolean isUniqueViolation(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException e
          && (e.getErrorCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE.code
              || e.getErrorCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY.code
              || e.getErrorCode() == SQLiteErrorCode.SQLITE_CONSTRAINT.code
                  && String.valueOf(e.getMessage()).contains("UNIQUE"))) {
        return true;
      }
    }
    return false;
  }
}
