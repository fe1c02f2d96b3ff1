package dev.leadtrail.error;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Describes an unexpected failure for the log without its messages, which may carry SQL, values or
 * paths: the chain of exception types (with SQL states), and where in Leadtrail's code it surfaced.
 */
public final class FailureSummary {

  private static final String OWN_CODE = "dev.leadtrail.";

  private FailureSummary() {}

  public static String describe(Throwable failure) {
    List<String> chain = new ArrayList<>();
    StackTraceElement ownFrame = null;
    for (Throwable t = failure; t != null && chain.size() < 8; t = t.getCause()) {
      String name = t.getClass().getName();
      if (t instanceof SQLException sql) {
        name +=
            sql.getSQLState() != null
                ? "(SQLState " + sql.getSQLState() + ")"
                : "(error code " + sql.getErrorCode() + ")";
      }
      chain.add(name);
      if (ownFrame == null) {
        ownFrame = firstOwnFrame(t);
      }
    }
    String where = ownFrame == null ? "" : " at " + ownFrame;
    return String.join(" caused by ", chain) + where;
  }

  private static StackTraceElement firstOwnFrame(Throwable t) {
    for (StackTraceElement frame : t.getStackTrace()) {
      if (frame.getClassName().startsWith(OWN_CODE)) {
        return frame;
      }
    }
    return null;
  }
}
