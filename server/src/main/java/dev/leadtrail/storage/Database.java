package dev.leadtrail.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import dev.leadtrail.config.LeadtrailConfig;
import dev.leadtrail.error.ErrorType;
import dev.leadtrail.error.RuleViolationException;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * The store: connection pools, Jdbi and migrations, for SQLite or PostgreSQL.
 *
 * <p>SQLite allows one writer at a time, so writes go through a pool of exactly one connection
 * whose transactions begin IMMEDIATE (they take the write lock at once rather than failing with
 * SQLITE_BUSY on upgrade), and reads go through a pool of their own that WAL lets run beside the
 * writer. On PostgreSQL one pool serves both. Commits are durable: SQLite runs with
 * synchronous=FULL, PostgreSQL with its defaults.
 *
 * <p>Thread-safe.
 */
public final class Database implements AutoCloseable {

  private static final int SQLITE_READERS = 4;

  /**
   * WAL pages after which the writer's commit copies them back into the database file. SQLite's
   * default is 1,000, but every caller in the batch whose commit makes the copy waits for it, and
   * readers look up pages in a longer WAL: at 250 the benchmark's updates ran 15% faster with a
   * 99th percentile of 18-20 ms instead of 25-28 (500: between the two; 100: less steady).
   */
  static final int SQLITE_CHECKPOINT_PAGES = 250;

  private static final long CONNECTION_TIMEOUT_MS = 5_000;
  private static final String APPLIED_MIGRATIONS =
      "SELECT COUNT(*) FROM flyway_schema_history WHERE success = :success AND version IS NOT NULL";

  private final Dialect dialect;
  private final HikariDataSource writePool;
  private final HikariDataSource readPool;
  private final Jdbi writer;
  private final Jdbi reader;
  private final GroupCommitWriter groupCommit;
  private volatile int migrationsApplied = -1;

  private Database(
      Dialect dialect,
      HikariDataSource writePool,
      HikariDataSource readPool,
      MeterRegistry metrics) {
    this.dialect = dialect;
    this.writePool = writePool;
    this.readPool = readPool;
    this.writer = Jdbi.create(writePool);
    this.reader = readPool == writePool ? writer : Jdbi.create(readPool);
    if (dialect instanceof SqliteDialect) {
      var statements = new SqliteStatementCache();
      writer.setStatementBuilderFactory(statements);
      reader.setStatementBuilderFactory(statements);
    }
    this.groupCommit =
        dialect instanceof SqliteDialect ? new GroupCommitWriter(writer, metrics) : null;
  }

  /** Opens the pools; their use is reported to {@code metrics}. */
  public static Database open(LeadtrailConfig.Database config, MeterRegistry metrics) {
    Dialect dialect = Dialect.forUrl(config.url());
    return switch (dialect) {
      case SqliteDialect sqlite -> openSqlite(sqlite, config, metrics);
      case PostgresDialect postgres -> {
        var pool =
            new HikariDataSource(poolSettings("leadtrail", config, config.poolSize(), metrics));
        yield new Database(postgres, pool, pool, metrics);
      }
    };
  }

  private static Database openSqlite(
      SqliteDialect dialect, LeadtrailConfig.Database config, MeterRegistry metrics) {
    createParentDirectory(config.url());
    HikariConfig writeSettings = poolSettings("leadtrail-write", config, 1, metrics);
    writeSettings.setConnectionInitSql("PRAGMA wal_autocheckpoint = " + SQLITE_CHECKPOINT_PAGES);
    var writePool = new HikariDataSource(writeSettings);
    HikariDataSource readPool;
    try {
      readPool =
          new HikariDataSource(poolSettings("leadtrail-read", config, SQLITE_READERS, metrics));
    } catch (RuntimeException e) {
      writePool.close();
      throw e;
    }
    return new Database(dialect, writePool, readPool, metrics);
  }

  private static HikariConfig poolSettings(
      String name, LeadtrailConfig.Database config, int size, MeterRegistry metrics) {
    var hikari = new HikariConfig();
    hikari.setPoolName(name);
    hikari.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(metrics));
    // Fail a call after a few seconds rather than let it hang while the database is away.
    hikari.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
    hikari.setInitializationFailTimeout(CONNECTION_TIMEOUT_MS);
    hikari.setJdbcUrl(config.url());
    if (!config.user().isEmpty()) {
      hikari.setUsername(config.user());
    }
    if (!config.password().isEmpty()) {
      hikari.setPassword(config.password());
    }
    hikari.setMaximumPoolSize(size);
    hikari.setMinimumIdle(Math.min(size, 2));
    if (config.url().startsWith("jdbc:sqlite:")) {
      // A SQLite connection is a file handle with its prepared statements: keep every one for good.
      hikari.setMinimumIdle(size);
      hikari.setMaxLifetime(0);
      hikari.addDataSourceProperty("journal_mode", "WAL");
      hikari.addDataSourceProperty("synchronous", "FULL");
      hikari.addDataSourceProperty("foreign_keys", "true");
      hikari.addDataSourceProperty("busy_timeout", "10000");
      hikari.addDataSourceProperty("transaction_mode", "IMMEDIATE");
    }
    return hikari;
  }

  private static void createParentDirectory(String url) {
    String location = url.substring("jdbc:sqlite:".length());
    int query = location.indexOf('?');
    if (query >= 0) {
      location = location.substring(0, query);
    }
    if (location.isEmpty() || location.startsWith(":memory:") || location.startsWith("file:")) {
      return;
    }
    Path parent = Path.of(location).toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data directory " + parent, e);
    }
  }

  /** Applies the dialect's pending migrations. */
  public void migrate() {
    Flyway flyway =
        Flyway.configure()
            .dataSource(writePool)
            .locations(dialect.migrationLocation())
            .loggers("slf4j")
            .load();
    flyway.migrate();
    migrationsApplied = flyway.info().applied().length;
  }

  /**
   * Whether the store answers and holds every migration this build knows: what a load balancer's
   * readiness check asks. Never throws.
   */
  public boolean isReady() {
    try {
      int applied =
          reader.withHandle(
              handle ->
                  handle
                      .createQuery(APPLIED_MIGRATIONS)
                      .bind("success", true)
                      .mapTo(Integer.class)
                      .one());
      return migrationsApplied > 0 && applied >= migrationsApplied;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** The pool writes go through, for libraries that keep state in this database. */
  public DataSource dataSource() {
    return writePool;
  }

  public Dialect dialect() {
    return dialect;
  }

  /**
   * Runs {@code work} in one write transaction of its own (on SQLite, a savepoint of its own in a
   * group commit): committed when this returns, rolled back if it throws. {@code work} must not
   * call this again.
   */
  public <T, X extends Exception> T write(HandleCallback<T, X> work) throws X {
    return groupCommit != null ? groupCommit.write(work) : writer.inTransaction(work);
  }

  /**
   * Runs {@code work}, which writes with a single statement where the dialect {@linkplain
   * Dialect#chainsWrites() chains writes}, as an atomic write of its own: on PostgreSQL that one
   * statement commits by itself, sparing the round trips of BEGIN and COMMIT; on SQLite it joins
   * the group commit like any write.
   */
  public <T, X extends Exception> T writeOneStatement(HandleCallback<T, X> work) throws X {
    return groupCommit != null ? groupCommit.write(work) : writer.withHandle(work);
  }

  /**
   * Runs a statement that may break a unique key, within the caller's transaction: a break is the
   * client's duplicate ({@code MXDuplicateEntryException} with {@code duplicate}'s message), told
   * the same on both stores. The one place a unique violation is recognised.
   */
  public void writeUnique(Runnable statement, Supplier<String> duplicate) {
    try {
      statement.run();
    } catch (RuntimeException e) {
      if (dialect.isUniqueViolation(e)) {
        throw new RuleViolationException(ErrorType.DUPLICATE_ENTRY, duplicate.get());
      }
      throw e;
    }
  }

  /** Runs {@code work} on a read connection, which sees every committed write. */
  public <T, X extends Exception> T read(HandleCallback<T, X> work) throws X {
    return reader.withHandle(work);
  }

  @Override
  public void close() {
    if (groupCommit != null) {
      groupCommit.close();
    }
    if (readPool != writePool) {
      readPool.close();
    }
    writePool.close();
  }
}
