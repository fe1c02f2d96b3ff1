package dev.leadtrail.storage;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilderFactory;
import org.jdbi.v3.core.statement.StatementContext;
import org.sqlite.SQLiteConnection;

/**
 * Keeps each SQLite connection's prepared statements for reuse: sqlite-jdbc compiles every
 * statement it prepares, which costs more than running a single-row statement.
 *
 * <p>Statements are prepared on the driver's own connection, beneath the pool's proxy, so that
 * returning the connection to the pool does not close them; they close with the connection. A
 * statement is reset when its result set closes (sqlite-jdbc does that), so a held statement keeps
 * no read snapshot open. Each connection holds its {@link #HELD} most recently used statements.
 *
 * <p>Thread-safe: the map of connections is guarded, and each connection's statements are used by
 * the one thread that holds the connection.
 */
final class SqliteStatementCache implements StatementBuilderFactory {

  static final int HELD = 64;

  private static final StatementBuilder UNCACHED = new DefaultStatementBuilder();

  private final Map<Connection, Statements> byConnection = new IdentityHashMap<>();

  @Override
  public StatementBuilder createStatementBuilder(Connection pooled) {
    Connection connection = driverConnection(pooled);
    synchronized (byConnection) {
      Statements statements = byConnection.get(connection);
      if (statements == null) {
        // A connection is new only when the pool has replaced one: forget those it closed.
        byConnection.keySet().removeIf(SqliteStatementCache::isClosed);
        statements = new Statements(connection);
        byConnection.put(connection, statements);
      }
      return statements;
    }
  }

  private static Connection driverConnection(Connection pooled) {
    try {
      return pooled.unwrap(SQLiteConnection.class);
    } catch (SQLException e) {
      throw new IllegalStateException("not a SQLite connection", e);
    }
  }

  private static boolean isClosed(Connection connection) {
    try {
      return connection.isClosed();
    } catch (SQLException e) {
      return true;
    }
  }

  /** One connection's held statements, most recently used last. */
  private static final class Statements implements StatementBuilder {

    private final Connection connection;
    private final LinkedHashMap<String, PreparedStatement> held =
        new LinkedHashMap<>(HELD, 0.75f, true);
    private final Map<PreparedStatement, Boolean> inUse = new IdentityHashMap<>();

    Statements(Connection connection) {
      this.connection = connection;
    }

    @Override
    public PreparedStatement create(Connection pooled, String sql, StatementContext context)
        throws SQLException {
      if (context.isReturningGeneratedKeys() || context.isConcurrentUpdatable()) {
        return UNCACHED.create(pooled, sql, context);
      }
      PreparedStatement statement = held.get(sql);
      if (statement == null) {
        statement = connection.prepareStatement(sql);
        held.put(sql, statement);
        evictBeyondLimit();
      } else if (inUse.containsKey(statement)) {
        // The same statement again while its first use is still open: a one-off copy.
        return connection.prepareStatement(sql);
      }
      inUse.put(statement, Boolean.TRUE);
      return statement;
    }

    private void evictBeyondLimit() throws SQLException {
      var eldest = held.entrySet().iterator();
      while (held.size() > HELD && eldest.hasNext()) {
        PreparedStatement statement = eldest.next().getValue();
        if (!inUse.containsKey(statement)) {
          eldest.remove();
          statement.close();
        }
      }
    }

    @Override
    public void close(Connection pooled, String sql, Statement statement) throws SQLException {
      if (inUse.remove(statement) != null) {
        ((PreparedStatement) statement).clearParameters();
      } else {
        statement.close();
      }
    }

    @Override
    public Statement create(Connection pooled, StatementContext context) throws SQLException {
      return UNCACHED.create(pooled, context);
    }

    @Override
    public CallableStatement createCall(Connection pooled, String sql, StatementContext context)
        throws SQLException {
      return UNCACHED.createCall(pooled, sql, context);
    }
  }
}
