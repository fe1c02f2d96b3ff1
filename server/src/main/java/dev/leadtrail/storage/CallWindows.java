package dev.leadtrail.storage;

import java.time.Duration;

/**
 * Counts calls in fixed windows that every instance on the store shares (the rate limits' shared
 * budgets). Each count is one statement on a connection of its own, committed by itself, so a
 * budget's row is locked only while it runs; the window is cut by the database's clock.
 * Thread-safe.
 */
public final class CallWindows {

  /**
   * What a count found: the calls made in the budget's current window (this count's included), and
   * how long until that window ends.
   */
  public record Count(long calls, Duration remaining) {}

  private final Database database;
  private final String countSql;

  CallWindows(Database database, String countSql) {
    this.database = database;
    this.countSql = countSql;
  }

  /** Adds {@code calls} calls to the budget's current window of {@code window}. */
  public Count add(String budget, Duration window, int calls) {
    long windowMs = window.toMillis();
    return database.autocommitted(
        handle ->
            handle
                .createQuery(countSql)
                .bind("budget", budget)
                .bind("windowMs", windowMs)
                .bind("calls", calls)
                .map(
                    (rs, ctx) ->
                        new Count(
                            rs.getLong("calls"),
                            Duration.ofMillis(Math.max(1, rs.getLong("remaining_ms")))))
                .one());
  }
}
