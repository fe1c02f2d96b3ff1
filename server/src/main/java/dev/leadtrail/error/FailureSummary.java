package dev.leadtrail.error;

import java.util.ArrayList;
import java.util.List;

/**
 * Describes an unexpected failure for the log without its messages, which may carry SQL, values or
 * paths: the chain of exception types (a store's failure with its SQL states or error codes, as
 * {@link StoreFailureException} tells them), and where in Leadtrail's code it surfaced.
 */
public final class FailureSummary {

  private static final String OWN_CODE = "dev.leadtrail.";

  private FailureSummary() {}

  public static String describe(Throwable failure) {
    List<String> chain = new ArrayList<>();
    StackTraceElement ownFrame = null;
    for (Throwable t = failure; t != null && chain.size() < 8; t = t.getCause()) {
      if (t instanceof StoreFailureException store) {
        chain.add(store.codes());
        // Where the statement ran, rather than where the store's failure was translated.
        StackTraceElement statement =
            store.getCause() == null ? null : firstOwnFrame(store.getCause());
        ownFrame = statement != null ? statement : ownFrame;
        break;
      }
      if (ownFrame == null) {
        ownFrame = firstOwnFrame(t);
      }
      chain.add(t.getClass().getName());
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
