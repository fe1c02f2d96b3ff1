package dev.leadtrail.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import dev.leadtrail.config.LeadtrailConfig;
import dev.leadtrail.error.ErrorType;
import dev.leadtrail.error.LeadtrailException;
import dev.leadtrail.error.RuleViolationException;
import dev.leadtrail.error.StoreFailureException;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
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

  /** Optimistic tries of a {@link #decideThenStore} before it decides under row locks. */
  static final int OPTIMISTIC_TRIES = 3;

  /** The connection that the current thread's read or write runs on. */
  /** The connection of a read or write on this thread; a write's actions for after its commit. */
  private record Scope(Handle handle, boolean writes, List<Runnable> afterCommit) {}

  private static final long CONNECTION_TIMEOUT_MS = 5_000;
  private static final String APPLIED_MIGRATIONS =
      "SELECT COUNT(*) FROM flyway_schema_history WHERE success = :success AND version IS NOT NULL";

  private final Dialect dialect;
  private final HikariDataSource writePool;
  private final HikariDataSource readPool;
  private final Jdbi writer;
  private final Jdbi reader;
  private final GroupCommitWriter groupCommit;
  private final ThreadLocal<Scope> scope = new ThreadLocal<>();
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
    dialect
        .statementCache()
        .ifPresent(
            cache -> {
              writer.setStatementBuilderFactory(cache);
              reader.setStatementBuilderFactory(cache);
            });
    this.groupCommit = dialect.hasOneWriter() ? new GroupCommitWriter(writer, metrics) : null;
  }

  /** Opens the pools; their use is reported to {@code metrics}. */
  public static Database open(LeadtrailConfig.Database config, MeterRegistry metrics) {
    Dialect dialect = Dialect.forUrl(config.url());
    dialect.prepareLocation(config.url());
    if (!dialect.hasOneWriter()) {
      var pool =
          new HikariDataSource(
              poolSettings(dialect, "leadtrail", config, config.poolSize(), metrics));
      return new Database(dialect, pool, pool, metrics);
    }
    HikariConfig writeSettings = poolSettings(dialect, "leadtrail-write", config, 1, metrics);
    dialect.configureWriter(writeSettings);
    var writePool = new HikariDataSource(writeSettings);
    HikariDataSource readPool;
    try {
      readPool =
          new HikariDataSource(
              poolSettings(dialect, "leadtrail-read", config, dialect.readers(), metrics));
    } catch (RuntimeException e) {
      writePool.close();
      throw e;
    }
    return new Database(dialect, writePool, readPool, metrics);
  }

  private static HikariConfig poolSettings(
      Dialect dialect,
      String name,
      LeadtrailConfig.Database config,
      int size,
      MeterRegistry metrics) {
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
    dialect.configurePool(hikari);
    return hikari;
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

  /** Call windows that every instance on this store shares; empty on a store of one instance. */
  public Optional<CallWindows> sharedCallWindows() {
    return dialect.countCallsInWindow().map(sql -> new CallWindows(writePool, sql));
  }

  /**
   * Runs {@code work} in one write transaction (on SQLite, a savepoint of its own in a group
   * commit, run by the writer's thread): committed when this returns, rolled back if it throws. A
   * write within a write joins it. What {@code work} calls reaches the transaction through {@link
   * #writeHandle()}.
   */
  public <T> T write(Supplier<T> work) {
    Scope current = scope.get();
    if (current != null && current.writes()) {
      return work.get();
    }
    List<Runnable> afterCommit = new ArrayList<>(0);
    T result =
        translated(
            () ->
                groupCommit != null
                    ? groupCommit.write(handle -> within(handle, afterCommit, work))
                    : writer.inTransaction(handle -> within(handle, afterCommit, work)));
    afterCommit.forEach(Runnable::run);
    return result;
  }

  /**
   * Runs {@code action} on this thread once the current write has committed (not at all if it rolls
   * back): for what must not happen before the write is visible, such as telling a worker to look
   * for what it wrote.
   */
  public void afterCommit(Runnable action) {
    Scope current = scope.get();
    if (current == null || !current.writes()) {
      throw new IllegalStateException("afterCommit outside Database.write");
    }
    current.afterCommit().add(action);
  }

  /**
   * Runs {@code work} on one read connection, which sees every committed write; within a write, on
   * the write's own connection, which also sees what the write has done so far. What {@code work}
   * calls reaches the connection through {@link #handle()}.
   */
  public <T> T read(Supplier<T> work) {
    if (scope.get() != null) {
      return work.get();
    }
    return translated(() -> reader.withHandle(handle -> within(handle, null, work)));
  }

  /**
   * Stores a write decided on what it read, so that deciding never holds the writer: {@code
   * checked} decides on a read connection, then stores in a short write that applies only if what
   * it read is unchanged; when it changed, the decision is made again. After {@link
   * #OPTIMISTIC_TRIES} tries, it decides and stores in one transaction under the row locks of its
   * reads, so that it cannot starve; within a write, it does so at once, as part of that write. A
   * store of {@linkplain CheckedWrite#storesInOneStatement(Object) one statement} runs without
   * BEGIN and COMMIT where the dialect {@linkplain Dialect#chainsWrites() chains writes}: that
   * statement commits by itself.
   */
  public <D, R> R decideThenStore(CheckedWrite<D, R> checked) {
    Scope current = scope.get();
    if (current != null && current.writes()) {
      return lockedDecideAndStore(checked);
    }
    for (int attempt = 0; attempt < OPTIMISTIC_TRIES; attempt++) {
      D decision = read(() -> checked.decide(RowLock.NONE));
      Optional<R> stored =
          checked.storesInOneStatement(decision) && dialect.chainsWrites()
              ? autocommitted(decision, checked)
              : write(() -> checked.store(decision));
      if (stored.isPresent()) {
        return stored.get();
      }
      checked.changedMeanwhile();
    }
    return write(() -> lockedDecideAndStore(checked));
  }

  /** Within a write: decides under the row locks of its reads, so the store cannot miss. */
  private static <D, R> R lockedDecideAndStore(CheckedWrite<D, R> checked) {
    return checked
        .store(checked.decide(RowLock.FOR_UPDATE))
        .orElseThrow(() -> new IllegalStateException("rows changed under their locks"));
  }

  /**
   * Runs a statement that may break a unique key, within the current write: a break is the client's
   * duplicate ({@code MXDuplicateEntryException} with {@code duplicate}'s message), told the same
   * on both stores. A break elsewhere is told without a message of its own.
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

  /**
   * Stores a decision in one statement that commits by itself, on a write connection of its own.
   */
  private <D, R> Optional<R> autocommitted(D decision, CheckedWrite<D, R> checked) {
    List<Runnable> afterCommit = new ArrayList<>(0);
    Optional<R> stored =
        translated(
            () ->
                writer.withHandle(
                    handle -> within(handle, afterCommit, () -> checked.store(decision))));
    afterCommit.forEach(Runnable::run);
    return stored;
  }

  /**
   * Makes the current write wait until no other write holds {@code name}, and hold it until it
   * ends: for a read-then-insert whose rows do not exist yet to lock (see {@link
   * Dialect#serialize}).
   */
  public void serialize(String name) {
    dialect.serialize(writeHandle(), name);
  }

  /** The connection of the current read or write, for the repositories that its work calls. */
  public Handle handle() {
    Scope current = scope.get();
    if (current == null) {
      throw new IllegalStateException("the store is used outside Database.read and write");
    }
    return current.handle();
  }

  /** The connection of the current write, for a repository's statement that changes rows. */
  public Handle writeHandle() {
    Scope current = scope.get();
    if (current == null || !current.writes()) {
      throw new IllegalStateException("rows are changed outside Database.write");
    }
    return current.handle();
  }

  /** Runs {@code work} on {@code handle}: a write's when {@code afterCommit} is given. */
  private <T> T within(Handle handle, List<Runnable> afterCommit, Supplier<T> work) {
    Scope outer = scope.get();
    scope.set(new Scope(handle, afterCommit != null, afterCommit));
    try {
      return work.get();
    } finally {
      if (outer == null) {
        scope.remove();
      } else {
        scope.set(outer);
      }
    }
  }

  /**
   * Runs the outermost read or write: a failure of the store leaves it as a {@link
   * StoreFailureException} (or, for a unique key, the client's duplicate), never as a Jdbi or SQL
   * exception; every other failure passes unchanged.
   */
  private <T> T translated(Callable<T> work) {
    try {
      return work.call();
    } catch (LeadtrailException e) {
      throw e;
    } catch (Exception e) {
      if (!StoreFailures.isStoreFailure(e)) {
        throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
      }
      if (dialect.isUniqueViolation(e)) {
        throw new RuleViolationException(
            ErrorType.DUPLICATE_ENTRY, "A record with the same key exists already.");
      }
      throw new StoreFailureException(StoreFailures.codes(e), e);
    }
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
