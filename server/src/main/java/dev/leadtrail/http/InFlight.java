package dev.leadtrail.http;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Counts the requests being served, so that a stopping server can wait for them. Thread-safe. */
final class InFlight {

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition none = lock.newCondition();
  private int count;
  private volatile boolean draining;

  void started() {
    lock.lock();
    try {
      count++;
    } finally {
      lock.unlock();
    }
  }

  void finished() {
    lock.lock();
    try {
      count--;
      if (count <= 0) {
        none.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /** From now on, answers ask clients to close their connections. */
  void drain() {
    draining = true;
  }

  boolean isDraining() {
    return draining;
  }

  int count() {
    lock.lock();
    try {
      return count;
    } finally {
      lock.unlock();
    }
  }

  /** Waits until no request is in flight; false if the timeout came first. */
  boolean awaitNone(Duration timeout) {
    long nanos = timeout.toNanos();
    lock.lock();
    try {
      while (count > 0) {
        if (nanos <= 0) {
          return false;
        }
        nanos = none.awaitNanos(nanos);
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return count <= 0;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public String toString() {
    return "InFlight[" + count() + (draining ? ", draining" : "") + "]";
  }
}
