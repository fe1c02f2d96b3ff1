package dev.leadtrail.ratelimit;

import dev.leadtrail.storage.CallWindows;
import dev.leadtrail.value.RateLimit;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Budgets every instance shares in the store, counted per fixed window ({@link CallWindows}): one
 * statement both counts calls and answers the count, and a budget's row is locked only while it
 * runs, so an organisation's calls from many instances do not queue behind one another's round
 * trips.
 *
 * <p>Within this process, the calls that arrive for a budget while its count is in flight are
 * counted together by the next statement, each learning its own place in the window: one round trip
 * per batch instead of one per call, and the count stays exact. Thread-safe.
 */
final class DatabaseWindowStore implements BucketStore {

  private final CallWindows windows;
  private final ConcurrentMap<String, Budget> budgets = new ConcurrentHashMap<>();
  private final AtomicInteger waiting = new AtomicInteger();
  private final DistributionSummary batchSizes;

  DatabaseWindowStore(CallWindows windows, MeterRegistry metrics) {
    this.windows = windows;
    this.batchSizes =
        DistributionSummary.builder("leadtrail.ratelimit.shared.calls.counted")
            .description("Calls counted by one statement on the shared budgets")
            .register(metrics);
    Gauge.builder("leadtrail.ratelimit.shared.calls.waiting", waiting, AtomicInteger::get)
        .description("Calls waiting for a shared budget's count in flight")
        .register(metrics);
  }

  @Override
  public Duration trySpend(String key, RateLimit limit) {
    Budget budget = budgets.computeIfAbsent(key, name -> new Budget());
    var spend = new Spend(limit);
    if (!budget.joinOrLead(spend)) {
      waiting.incrementAndGet();
      try {
        spend.awaitAnswerOrTurn();
      } finally {
        waiting.decrementAndGet();
      }
      if (spend.isAnswered()) {
        return spend.answer();
      }
    }
    List<Spend> batch = budget.takeWaiting();
    try {
      count(key, limit.window(), batch);
    } catch (RuntimeException | Error e) {
      batch.forEach(each -> each.fail(e));
    } finally {
      budget.passTurn();
    }
    return spend.answer();
  }

  private void count(String key, Duration window, List<Spend> batch) {
    batchSizes.record(batch.size());
    CallWindows.Count counted = windows.add(key, window, batch.size());
    long first = counted.calls() - batch.size() + 1;
    for (int i = 0; i < batch.size(); i++) {
      Spend each = batch.get(i);
      each.answer(first + i <= each.limit.calls() ? Duration.ZERO : counted.remaining());
    }
  }

  @Override
  public void close() {}

  /**
   * One budget's calls in this process: at most one count in flight, led by one of the calls, and
   * the calls that wait for the next.
   */
  private static final class Budget {

    private final List<Spend> waiting = new ArrayList<>();
    private boolean counting;

    /** Queues the spend; true when its caller is to lead the next count itself. */
    synchronized boolean joinOrLead(Spend spend) {
      waiting.add(spend);
      if (counting) {
        return false;
      }
      counting = true;
      return true;
    }

    synchronized List<Spend> takeWaiting() {
      List<Spend> batch = List.copyOf(waiting);
      waiting.clear();
      return batch;
    }

    /** Hands the next count to the first call waiting for one, if any. */
    synchronized void passTurn() {
      if (waiting.isEmpty()) {
        counting = false;
      } else {
        waiting.getFirst().lead();
      }
    }
  }

  /** One call's spend: answered by a count, or asked to lead the next one. */
  private static final class Spend {

    private final RateLimit limit;
    private Duration answer;
    private Throwable failure;
    private boolean leads;

    Spend(RateLimit limit) {
      this.limit = limit;
    }

    synchronized void awaitAnswerOrTurn() {
      boolean interrupted = false;
      while (answer == null && failure == null && !leads) {
        try {
          wait();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }

    synchronized boolean isAnswered() {
      return answer != null || failure != null;
    }

    synchronized Duration answer() {
      switch (failure) {
        case null -> {
          return answer;
        }
        case RuntimeException e -> throw e;
        case Error e -> throw e;
        default -> throw new IllegalStateException(failure);
      }
    }

    synchronized void answer(Duration wait) {
      answer = wait;
      notifyAll();
    }

    synchronized void fail(Throwable e) {
      failure = e;
      notifyAll();
    }

    synchronized void lead() {
      leads = true;
      notifyAll();
    }
  }
}
