package dev.leadtrail.activity;

import dev.leadtrail.user.UserId;
import java.time.Instant;
import java.util.Objects;

/** One value an update changed: which field, from what to what, by whom and when. */
public record ActivityChange(
    ActivityId activityId,
    long version,
    String field,
    String oldValue,
    String newValue,
    Instant changedAt,
    UserId changedBy) {

  public ActivityChange {
    Objects.requireNonNull(activityId);
    Objects.requireNonNull(field);
    Objects.requireNonNull(oldValue);
    Objects.requireNonNull(newValue);
    Objects.requireNonNull(changedAt);
    Objects.requireNonNull(changedBy);
  }
}
