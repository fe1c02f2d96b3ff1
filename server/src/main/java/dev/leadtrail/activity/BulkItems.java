package dev.leadtrail.activity;

import dev.leadtrail.error.FailureSummary;
import dev.leadtrail.error.InternalFailureException;
import dev.leadtrail.error.LeadtrailException;
import dev.leadtrail.error.RuleViolationException;
import dev.leadtrail.org.OrgId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The items of a bulk call (contract section 5.7 and the bulk posts), applied each on its own, in
 * order: a failing item (one that could not even be read included) changes nothing and never stops
 * the others. 1 to {@value #MAX} items; a larger or empty batch applies none.
 */
public final class BulkItems {

  static final int MAX = 25;

  private static final Logger log = LoggerFactory.getLogger(BulkItems.class);

  /** How one item went: {@code failure} is null when it was applied. */
  public record Outcome<R>(R result, LeadtrailException failure) {}

  private BulkItems() {}

  static <R> List<Outcome<R>> each(OrgId orgId, List<Supplier<R>> items) {
    if (items.isEmpty() || items.size() > MAX) {
      throw RuleViolationException.invalidInput(
          "Request", "A bulk call takes 1 to " + MAX + " items, not " + items.size() + ".");
    }
    List<Outcome<R>> outcomes = new ArrayList<>();
    for (Supplier<R> item : items) {
      outcomes.add(outcomeOf(orgId, item));
    }
    return outcomes;
  }

  private static <R> Outcome<R> outcomeOf(OrgId orgId, Supplier<R> item) {
    try {
      return new Outcome<>(item.get(), null);
    } catch (LeadtrailException e) {
      return new Outcome<>(null, e);
    } catch (RuntimeException e) {
      log.error(
          "A bulk item of organisation {} failed unexpectedly: {}",
          orgId,
          FailureSummary.describe(e));
      return new Outcome<>(
          null,
          new InternalFailureException(
              "The item could not be applied because of an internal error."));
    }
  }
}
