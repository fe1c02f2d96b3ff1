package dev.leadtrail.testing;

import dev.leadtrail.config.ConfigLoader;

/** The rate limits' shared windows, as a test that spends a whole budget must meet them. */
public final class RateWindows {

  private RateWindows() {}

  /**
   * Waits, when the default window is more than half spent, for the next one. The database's
   * windows are cut at whole multiples of the window by its clock (this machine's): a test's calls
   * must not straddle a cut, or the budget refills under them.
   */
  public static void awaitFreshWindow() {
    long window = ConfigLoader.defaultConfig().rateLimits().standard().window().toMillis();
    long intoWindow = System.currentTimeMillis() % window;
    if (intoWindow > window / 2) {
      try {
        Thread.sleep(window - intoWindow + 50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for a fresh window", e);
      }
    }
  }
}
