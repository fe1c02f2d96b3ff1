package dev.leadtrail.activity;

import dev.leadtrail.activitytype.ActivityTypeId;
import dev.leadtrail.lead.LeadId;
import dev.leadtrail.org.OrgId;
import dev.leadtrail.user.UserId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An activity posted on a lead. {@code fieldValues} holds the custom fields that have a value, by
 * schema name, including those of fields since taken off the type (hidden from reads). {@code
 * score} is the type's score when the activity was posted; {@code version} counts its changes.
 */
public record Activity(
    OrgId orgId,
    ActivityId id,
    LeadId leadId,
    ActivityTypeId typeId,
    int eventCode,
    int score,
    String note,
    String status,
    UserId owner,
    Map<String, String> fieldValues,
    Instant activityAt,
    Instant createdAt,
    UserId createdBy,
    Instant modifiedAt,
    UserId modifiedBy,
    long version) {

  public Activity {
    Objects.requireNonNull(orgId);
    Objects.requireNonNull(id);
    Objects.requireNonNull(leadId);
    Objects.requireNonNull(typeId);
    Objects.requireNonNull(note);
    Objects.requireNonNull(status);
    Objects.requireNonNull(owner);
    fieldValues = Map.copyOf(fieldValues);
    Objects.requireNonNull(activityAt);
    Objects.requireNonNull(createdAt);
    Objects.requireNonNull(createdBy);
    Objects.requireNonNull(modifiedAt);
    Objects.requireNonNull(modifiedBy);
  }
}
