package dev.leadtrail.lead;

import dev.leadtrail.org.OrgId;
import dev.leadtrail.user.UserId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A lead: its attributes by canonical name (only those with a value), its score, and who made and
 * last changed it.
 */
public record Lead(
    OrgId orgId,
    LeadId id,
    Map<String, String> attributes,
    long score,
    Instant createdAt,
    UserId createdBy,
    Instant modifiedAt,
    UserId modifiedBy) {

  public Lead {
    Objects.requireNonNull(orgId);
    Objects.requireNonNull(id);
    attributes = Map.copyOf(attributes);
    Objects.requireNonNull(createdAt);
    Objects.requireNonNull(createdBy);
    Objects.requireNonNull(modifiedAt);
    Objects.requireNonNull(modifiedBy);
  }

  public Optional<String> attribute(String canonicalName) {
    return Optional.ofNullable(attributes.get(canonicalName));
  }
}
