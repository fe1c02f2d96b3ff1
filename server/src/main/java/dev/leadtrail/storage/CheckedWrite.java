package dev.leadtrail.storage;

import java.util.Optional;

/**
 * A write that reads before it writes, as {@link Database#decideThenStore} runs it: the decision is
 * made on what was read, and stored only if what was read is unchanged.
 *
 * @param <D> the decision: everything the store needs, with the versions of what it was made on
 * @param <R> what the write answers once stored
 */
public interface CheckedWrite<D, R> {

  /**
   * Reads and decides, locking the rows it reads when {@code lock} asks (the last try, inside the
   * write's transaction). Throws the client's error when the write is refused.
   */
  D decide(RowLock lock);

  /** Stores the decision; empty, having changed nothing, when what it was made on has changed. */
  Optional<R> store(D decision);

  /**
   * Whether {@link #store} runs a single statement for {@code decision}, which then needs no
   * transaction of its own.
   */
  default boolean storesInOneStatement(D decision) {
    return false;
  }

  /** Told each time a decision is made again because what it read changed meanwhile. */
  default void changedMeanwhile() {}
}
