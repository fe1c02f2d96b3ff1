package dev.leadtrail.ratelimit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Budgets every instance shares in PostgreSQL, counted per fixed window: one row per budget holds
 * the start of its current window and the calls made in it, and one statement both counts a call
 * and answers the count. The window is cut by the database's clock, so instances whose clocks
 * disagree still count in the same window; the row is locked only while that statement runs, so an
 * organisation's calls from many instances do not queue behind one another's round trips. The table
 * is unlogged: after a crash of PostgreSQL every budget starts full. Thread-safe.
 */
final class DatabaseWindowStore implements BucketStore {

  private static final String SPEND =
      """
      WITH clock AS (SELECT (EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::BIGINT AS now_ms)
      INSERT INTO rate_limit_windows AS w (budget, window_start, calls)
      SELECT ?, now_ms - now_ms % ?, 1 FROM clock
      ON CONFLICT (budget) DO UPDATE
         SET calls = CASE WHEN w.window_start = excluded.window_start THEN w.calls + 1 ELSE 1 END,
             window_start = excluded.window_start
      RETURNING w.calls, w.window_start + ? - (SELECT now_ms FROM clock) AS remaining_ms\
      """;

  private final DataSource dataSource;

  DatabaseWindowStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Duration trySpend(String key, RateLimit limit) {
    long windowMs = limit.window().toMillis();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement spend = connection.prepareStatement(SPEND)) {
      spend.setString(1, key);
      spend.setLong(2, windowMs);
      spend.setLong(3, windowMs);
      try (ResultSet counted = spend.executeQuery()) {
        counted.next();
        return counted.getLong("calls") <= limit.calls()
            ? Duration.ZERO
            : Duration.ofMillis(Math.max(1, counted.getLong("remaining_ms")));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the rate-limit budget could not be counted", e);
    }
  }

  @Override
  public void close() {}
}
