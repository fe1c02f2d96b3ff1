package dev.leadtrail.org;

import dev.leadtrail.value.RateClass;
import dev.leadtrail.value.RateLimit;
import java.util.Objects;
import java.util.Optional;

/**
 * A tenant. {@code standardLimit} and {@code bulkLimit} are null when the organisation uses the
 * server's default limits.
 */
public record Organisation(
    OrgId id,
    String shortCode,
    String displayName,
    String timeZone,
    RateLimit standardLimit,
    RateLimit bulkLimit,
    boolean sharedPhones) {

  public Organisation {
    Objects.requireNonNull(id);
    Objects.requireNonNull(shortCode);
    Objects.requireNonNull(displayName);
    Objects.requireNonNull(timeZone);
  }

  /** The organisation's own limit for this class of call, if it has one. */
  public Optional<RateLimit> ownLimit(RateClass rateClass) {
    return Optional.ofNullable(
        switch (rateClass) {
          case STANDARD -> standardLimit;
          case BULK -> bulkLimit;
        });
  }
}
