package dev.leadtrail.http;

import dev.leadtrail.value.RateClass;

/**
 * What the server asks of the features before an operation runs: who calls, and whether their
 * organisation may make one more call now. {@code C} is the features' own caller; the server hands
 * it on to the operation without looking into it. Implementations are thread-safe.
 */
public interface CallGate<C> {

  /** The caller the key pair proves, or an {@code AuthenticationException}. */
  C authenticate(Credentials credentials);

  /**
   * The id of the caller's organisation: what calls in flight are capped by, and what logs name.
   */
  String organisationId(C caller);

  /** Spends one call of the organisation's budget, or throws {@code RateLimitedException}. */
  void spend(C caller, RateClass rateClass);
}
