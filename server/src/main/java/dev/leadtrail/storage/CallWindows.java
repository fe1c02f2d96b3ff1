package dev.leadtrail.storage;

import dev.leadtrail.error.StoreFailureException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Counts calls in fixed windows that every instance on the store shares (the rate limits' shared
 * budgets). Each count is one statement on a connection of its own, committed by itself, so a
 * budget's row is locked only while it runs; the window is cut by the database's clock. It runs on
 * every call an API key makes, so it speaks plain JDBC: Jdbi's handle and named parameters cost a
 * measurable share of a call here. Thread-safe.
 */
public final class CallWindows {

  /**
   * What a count found: the calls made in the budget's current window (this count's included), and
   * how long until that window ends.
   */
  public record Count(long calls, Duration remaining) {}

  private final DataSource pool;
  private final String countSql;

  CallWindows(DataSource pool, String countSql) {
    this.pool = pool;
    this.countSql = countSql;
  }

  /** Adds {@code calls} calls to the budget's current window of {@code window}. */
  public Count add(String budget, Duration window, int calls) {
    long windowMs = window.toMillis();
    try (Connection connection = pool.getConnection();
        PreparedStatement count = connection.prepareStatement(countSql)) {
      count.setString(1, budget);
      count.setLong(2, windowMs);
      count.setInt(3, calls);
      count.setLong(4, windowMs);
      try (ResultSet counted = count.executeQuery()) {
        counted.next();
        return new Count(
            counted.getLong("calls"),
            Duration.ofMillis(Math.max(1, counted.getLong("remaining_ms"))));
      }
    } catch (SQLException e) {
      throw new StoreFailureException(StoreFailures.codes(e), e);
    }
  }
}
