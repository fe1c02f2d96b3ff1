package dev.leadtrail.activity;

import dev.leadtrail.activitytype.ActivityType;
import dev.leadtrail.activitytype.ActivityTypeId;
import dev.leadtrail.activitytype.FieldDefinition;
import dev.leadtrail.activitytype.SystemFields;
import dev.leadtrail.error.ErrorType;
import dev.leadtrail.error.RuleViolationException;
import dev.leadtrail.lead.LeadId;
import dev.leadtrail.org.OrgId;
import dev.leadtrail.user.UserId;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An activity posted on a lead. {@code fieldValues} holds the custom fields that have a value, by
 * schema name, including those of fields since taken off the type (hidden from reads). {@code
 * score} is the type's score when the activity was posted; {@code version} counts its changes. Made
 * by {@link ActivityBuilder} ({@code ActivityBuilder.builder()}, {@code activity.with()}): sixteen
 * components are too many to pass by position.
 */
@RecordBuilder
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
    long version)
    implements ActivityBuilder.With {

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

  /**
   * A new activity of {@code type}, from values checked against it (see {@code
   * ActivityFieldValues.check}): every mandatory field needs a value, {@code Status} defaults to
   * Active and {@code Owner} to the poster, and the activity happened {@code activityAt} (now when
   * null).
   */
  static Activity post(
      OrgId orgId,
      ActivityId id,
      LeadId leadId,
      ActivityType type,
      Map<String, String> given,
      Instant activityAt,
      UserId by,
      Instant now) {
    Map<String, String> custom = new HashMap<>();
    for (FieldDefinition field : type.fields()) {
      String value = given.getOrDefault(field.schemaName(), "");
      if (field.mandatory() && value.isEmpty()) {
        throw new RuleViolationException(
            ErrorType.MANDATORY_ATTRIBUTE_MISSING,
            "Mandatory field " + field.schemaName() + " has no value.");
      }
      if (!value.isEmpty()) {
        custom.put(field.schemaName(), value);
      }
    }
    return ActivityBuilder.builder()
        .orgId(orgId)
        .id(id)
        .leadId(leadId)
        .typeId(type.id())
        .eventCode(type.eventCode())
        .score(type.score())
        .note(given.getOrDefault(SystemFields.NOTE, ""))
        .status(orDefault(given.get(SystemFields.STATUS), SystemFields.ACTIVE))
        .owner(new UserId(orDefault(given.get(SystemFields.OWNER), by.value())))
        .fieldValues(custom)
        .activityAt(activityAt == null ? now : activityAt)
        .createdAt(now)
        .createdBy(by)
        .modifiedAt(now)
        .modifiedBy(by)
        .version(1)
        .build();
  }

  /**
   * This activity with values checked against its {@code type} applied, as of {@code now}: the note
   * when given; {@code Status} and {@code Owner} when not empty; a named custom field takes its
   * value, and {@code ""} clears it unless the field is mandatory. The version moves on by one.
   */
  Activity apply(ActivityType type, Map<String, String> given, UserId by, Instant now) {
    Map<String, String> custom = new HashMap<>(fieldValues);
    for (FieldDefinition field : type.fields()) {
      String value = given.get(field.schemaName());
      if (value == null) {
        continue;
      }
      if (value.isEmpty() && field.mandatory()) {
        throw new RuleViolationException(
            ErrorType.MANDATORY_ATTRIBUTE_MISSING,
            "Mandatory field " + field.schemaName() + " cannot be cleared.");
      }
      if (value.isEmpty()) {
        custom.remove(field.schemaName());
      } else {
        custom.put(field.schemaName(), value);
      }
    }
    return with()
        .note(given.getOrDefault(SystemFields.NOTE, note))
        .status(orDefault(given.get(SystemFields.STATUS), status))
        .owner(new UserId(orDefault(given.get(SystemFields.OWNER), owner.value())))
        .fieldValues(custom)
        .modifiedAt(now)
        .modifiedBy(by)
        .version(version + 1)
        .build();
  }

  private static String orDefault(String value, String fallback) {
    return value == null || value.isEmpty() ? fallback : value;
  }
}
