package dev.leadtrail.auth;

import dev.leadtrail.http.CallGate;
import dev.leadtrail.http.Credentials;
import dev.leadtrail.ratelimit.RateLimiter;
import dev.leadtrail.user.Caller;
import dev.leadtrail.value.RateClass;

/**
 * The server's gate answered by the features: keys by the authenticator, budgets by the limiter.
 */
public final class CallerGate implements CallGate<Caller> {

  private final Authenticator authenticator;
  private final RateLimiter rateLimiter;

  public CallerGate(Authenticator authenticator, RateLimiter rateLimiter) {
    this.authenticator = authenticator;
    this.rateLimiter = rateLimiter;
  }

  @Override
  public Caller authenticate(Credentials credentials) {
    return authenticator.authenticate(credentials);
  }

  @Override
  public String organisationId(Caller caller) {
    return caller.orgId().value();
  }

  @Override
  public void spend(Caller caller, RateClass rateClass) {
    rateLimiter.acquire(caller.organisation(), rateClass);
  }
}
