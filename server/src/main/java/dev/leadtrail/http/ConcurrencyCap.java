package dev.leadtrail.http;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Counts what each key (a client address, an organisation) holds at once, and refuses it more than
 * its cap. A cap of 0 is no cap. Keys holding nothing are forgotten. Thread-safe.
 */
final class ConcurrencyCap<K> {

  private final int cap;
  private final ConcurrentMap<K, Integer> held = new ConcurrentHashMap<>();

  ConcurrencyCap(int cap) {
    this.cap = cap;
  }

  int cap() {
    return cap;
  }

  /** Takes one place for {@code key}; false, taking none, when the key holds its cap already. */
  boolean tryTake(K key) {
    if (cap == 0) {
      return true;
    }
    var taken = new boolean[1];
    held.compute(
        key,
        (k, count) -> {
          int current = count == null ? 0 : count;
          if (current >= cap) {
            return count;
          }
          taken[0] = true;
          return current + 1;
        });
    return taken[0];
  }

  /** Takes one place for {@code key}, over the cap if need be; {@link #release} gives it back. */
  int take(K key) {
    return cap == 0 ? 0 : held.merge(key, 1, Integer::sum);
  }

  void release(K key) {
    if (cap != 0) {
      held.computeIfPresent(key, (k, count) -> count <= 1 ? null : count - 1);
    }
  }
}
