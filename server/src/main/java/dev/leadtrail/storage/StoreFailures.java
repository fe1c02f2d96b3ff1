package dev.leadtrail.storage;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.JdbiException;

/** Recognises the store's own failures and names them for the log, without SQL or values. */
final class StoreFailures {

  private static final int MAX_CHAIN = 8;

  private StoreFailures() {}

  static boolean isStoreFailure(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof JdbiException || t instanceof SQLException) {
        return true;
      }
    }
    return false;
  }

  /** The chain of failure types, each SQL failure with its SQL state or error code. */
  static String codes(Throwable failure) {
    List<String> chain = new ArrayList<>();
    for (Throwable t = failure; t != null && chain.size() < MAX_CHAIN; t = t.getCause()) {
      String name = t.getClass().getName();
      if (t instanceof SQLException sql) {
        name +=
            sql.getSQLState() != null
                ? "(SQLState " + sql.getSQLState() + ")"
                : "(error code " + sql.getErrorCode() + ")";
      }
      chain.add(name);
    }
    return String.join(" caused by ", chain);
  }
}
