package dev.leadtrail.storage;

import com.zaxxer.hikari.HikariConfig;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementBuilderFactory;

/**
 * Whatever differs between SQLite and PostgreSQL. Repositories ask the dialect instead of testing
 * which database they run on; a repository that needs {@code if (postgres)} means a method is
 * missing here.
 */
public sealed interface Dialect permits SqliteDialect, PostgresDialect {

  static Dialect forUrl(String jdbcUrl) {
    if (jdbcUrl.startsWith("jdbc:sqlite:")) {
      return new SqliteDialect();
    }
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      return new PostgresDialect();
    }
    throw new IllegalArgumentException("no dialect for this JDBC URL scheme");
  }

  String name();

  /** Makes ready where the store lives, before the first connection: a file's folder. */
  void prepareLocation(String jdbcUrl);

  /**
   * Whether the store takes one writer at a time: writes then queue for one connection and share
   * its commits ({@code GroupCommitWriter}), and reads have a pool of their own.
   */
  boolean hasOneWriter();

  /** The size of the read pool beside the one writer. */
  int readers();

  /** Sets what every connection of this store needs. */
  void configurePool(HikariConfig pool);

  /** Sets what the one writer's connection needs besides. */
  void configureWriter(HikariConfig writer);

  /** A cache of prepared statements for stores whose driver keeps none. */
  Optional<StatementBuilderFactory> statementCache();

  /**
   * The Flyway location of this dialect's migrations; both folders use the same version numbers.
   */
  default String migrationLocation() {
    return "classpath:db/migration/" + name();
  }

  /**
   * The clause that ends a SELECT whose rows the transaction will update, so that concurrent
   * read-modify-write transactions queue instead of losing each other's changes. SQLite needs none:
   * its single writer already runs them one at a time.
   */
  String lockForUpdate();

  /**
   * The clause that ends a SELECT of jobs to claim, so that several instances claiming at once each
   * take other rows, none waiting for another's. SQLite needs none: it has one instance.
   */
  String lockSkippingLocked();

  /** The query, locking the rows it reads when asked to. */
  default String withLock(String sql, RowLock lock) {
    return lock == RowLock.FOR_UPDATE ? sql + lockForUpdate() : sql;
  }

  /**
   * Makes the transaction wait until no other transaction holds {@code name}, and hold it until it
   * ends: for a read-then-insert whose rows do not exist yet to lock, such as allocating the next
   * event code. SQLite needs none: its single writer already runs writes one at a time.
   */
  void serialize(Handle handle, String name);

  /**
   * Whether one statement may update rows of one table and insert into another (a data-modifying
   * WITH): PostgreSQL can, which saves a round trip per write; SQLite cannot, and runs in process.
   */
  boolean chainsWrites();

  /**
   * The statement that adds calls to a budget's current window and answers the window's {@code
   * calls} and {@code remaining_ms}; its parameters are the budget, the window in milliseconds, the
   * calls, and the window again. Empty where the store serves one instance only, so that a budget
   * in memory does the same.
   */
  Optional<String> countCallsInWindow();

  /**
   * A query of the distinct keys of the JSON objects in {@code column} of {@code table}'s rows of
   * one organisation ({@code :orgId}), one key a row, in a column named {@code key}.
   */
  String distinctJsonKeys(String table, String column);

  /** Whether the failure is a unique-key violation, which callers turn into DUPLICATE_ENTRY. */
  boolean isUniqueViolation(Throwable failure);
}
