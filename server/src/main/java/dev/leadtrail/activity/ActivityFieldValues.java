package dev.leadtrail.activity;

import dev.leadtrail.activitytype.ActivityType;
import dev.leadtrail.activitytype.ActivityTypeService;
import dev.leadtrail.activitytype.DataType;
import dev.leadtrail.activitytype.FieldDefinition;
import dev.leadtrail.activitytype.FieldDefinitionBuilder;
import dev.leadtrail.activitytype.FieldValueChecker;
import dev.leadtrail.activitytype.SystemFields;
import dev.leadtrail.error.ErrorType;
import dev.leadtrail.error.RuleViolationException;
import dev.leadtrail.org.OrgId;
import dev.leadtrail.user.RecentUsers;
import dev.leadtrail.user.User;
import dev.leadtrail.user.UserId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the note and field values of an activity write against the activity's type, for posting
 * and for updating alike. Stateless and thread-safe; reads within the caller's read or write.
 */
final class ActivityFieldValues {

  private final ActivityTypeService types;
  private final RecentUsers users;
  private final FieldValueChecker checker = new FieldValueChecker();

  ActivityFieldValues(ActivityTypeService types, RecentUsers users) {
    this.types = types;
    this.users = users;
  }

  /**
   * The request's note and field values, checked against the type: canonical values by the fields'
   * own schema names, "" where a value is blank.
   */
  Map<String, String> check(
      OrgId orgId,
      ActivityType type,
      String note,
      List<FieldInput> fields,
      boolean skipOptionCheck) {
    Map<String, String> values = new LinkedHashMap<>();
    if (note != null) {
      values.put(
          SystemFields.NOTE,
          checker.check(SystemFields.NOTE_FIELD, note, false, id -> Optional.empty()));
    }
    FieldValueChecker.ActiveUsers activeUsers = idOrEmail -> activeUser(orgId, idOrEmail);
    for (FieldInput input : fields) {
      FieldDefinition field =
          type.field(input.schemaName())
              .orElseThrow(
                  () ->
                      new RuleViolationException(
                          ErrorType.UNKNOWN_ATTRIBUTE,
                          "Activity type "
                              + type.eventCode()
                              + " has no field "
                              + input.schemaName()
                              + "."));
      if (values.containsKey(field.schemaName())) {
        throw RuleViolationException.invalidInput(
            field.schemaName(), "The field is given more than once.");
      }
      if (field.dataType() == DataType.CUSTOM_OBJECT && input.fields() != null) {
        values.put(
            field.schemaName(), fieldSet(field, input.fields(), skipOptionCheck, activeUsers));
        continue;
      }
      if (input.fields() != null) {
        throw RuleViolationException.invalidInput(
            field.schemaName(), "Only a custom field set (DataType CustomObject) takes Fields.");
      }
      if (input.value() == null) {
        throw RuleViolationException.invalidInput(
            field.schemaName(), "Value is missing; send an empty string to leave the field empty.");
      }
      values.put(
          field.schemaName(), checker.check(field, input.value(), skipOptionCheck, activeUsers));
    }
    return values;
  }

  /**
   * The sub-values a write gives a custom field set, checked each by its own data type, as a JSON
   * object ({@link CustomFieldSets}); "" where a sub-value is blank. Errors name the sub-field as
   * {@code mx_Custom_4.mx_CustomObject_1}.
   */
  private String fieldSet(
      FieldDefinition set,
      List<FieldInput> inputs,
      boolean skipOptionCheck,
      FieldValueChecker.ActiveUsers activeUsers) {
    Map<String, String> given = new LinkedHashMap<>();
    for (FieldInput input : inputs) {
      FieldDefinition sub =
          set.subField(input.schemaName())
              .orElseThrow(
                  () ->
                      new RuleViolationException(
                          ErrorType.UNKNOWN_ATTRIBUTE,
                          "Custom field set "
                              + set.schemaName()
                              + " has no field "
                              + input.schemaName()
                              + "."));
      FieldDefinition named =
          FieldDefinitionBuilder.builder(sub)
              .schemaName(CustomFieldSets.qualified(set, sub))
              .build();
      if (input.value() == null) {
        throw RuleViolationException.invalidInput(
            named.schemaName(), "Value is missing; send an empty string to leave it empty.");
      }
      if (given.put(
              sub.schemaName(), checker.check(named, input.value(), skipOptionCheck, activeUsers))
          != null) {
        throw RuleViolationException.invalidInput(
            named.schemaName(), "The field is given more than once.");
      }
    }
    return CustomFieldSets.write(given);
  }

  private Optional<UserId> activeUser(OrgId orgId, String idOrEmail) {
    return users.find(orgId, idOrEmail).filter(User::active).map(User::id);
  }

  /** The type of an activity just read, as of then or newer. */
  ActivityType typeOf(ActivityRepository.Found found) {
    Activity activity = found.activity();
    return types.byId(activity.orgId(), activity.typeId(), found.typeVersion());
  }
}
