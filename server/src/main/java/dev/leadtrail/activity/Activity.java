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
import java.time.Instant;
import java.util.HashMap;
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
    return new Activity(
        orgId,
        id,
        leadId,
        type.id(),
        type.eventCode(),
        type.score(),
        given.getOrDefault(SystemFields.NOTE, ""),
        orDefault(given.get(SystemFields.STATUS), SystemFields.ACTIVE),
        new UserId(orDefault(given.get(SystemFields.OWNER), by.value())),
        custom,
        activityAt == null ? now : activityAt,
        now,
        by,
        now,
        by,
        1);
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
    return new Activity(
        orgId,
        id,
        leadId,
        typeId,
        eventCode,
        score,
        given.getOrDefault(SystemFields.NOTE, note),
        orDefault(given.get(SystemFields.STATUS), status),
        new UserId(orDefault(given.get(SystemFields.OWNER), owner.value())),
        custom,
        activityAt,
        createdAt,
        createdBy,
        now,
        by,
        version + 1);
  }

  private static String orDefault(String value, String fallback) {
    return value == null || value.isEmpty() ? fallback : value;
  }
}
