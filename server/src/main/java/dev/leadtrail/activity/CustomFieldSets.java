package dev.leadtrail.activity;

import dev.leadtrail.activitytype.ActivityType;
import dev.leadtrail.activitytype.DataType;
import dev.leadtrail.activitytype.FieldDefinition;
import dev.leadtrail.error.ErrorType;
import dev.leadtrail.error.RuleViolationException;
import dev.leadtrail.http.ApiTime;
import dev.leadtrail.storage.StringMapColumn;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values of custom field sets (fields of DataType CustomObject, contract section 8): a JSON
 * object of the set's sub-values by schema name, with {@code ModifiedByName} and {@code ModifiedOn}
 * of its last change, stored and read back as a string. A write gives some sub-values; they are
 * merged into the stored ones, a blank one removing its sub-value.
 */
final class CustomFieldSets {

  static final String MODIFIED_BY_NAME = "ModifiedByName";
  static final String MODIFIED_ON = "ModifiedOn";

  private CustomFieldSets() {}

  /** How errors and files name a sub-field: {@code mx_Custom_4.mx_CustomObject_1}. */
  static String qualified(FieldDefinition set, FieldDefinition sub) {
    return set.schemaName() + "." + sub.schemaName();
  }

  static Map<String, String> read(String value) {
    return value == null || value.isEmpty() ? Map.of() : StringMapColumn.read(value);
  }

  static String write(Map<String, String> values) {
    return StringMapColumn.write(values);
  }

  /**
   * {@code given} with each custom field set's sub-values merged into {@code stored}'s, stamped as
   * changed by {@code byName} at {@code now}; a set left with no sub-value is cleared, and one that
   * would miss a mandatory sub-value is refused.
   */
  static Map<String, String> merged(
      ActivityType type,
      Map<String, String> stored,
      Map<String, String> given,
      String byName,
      Instant now) {
    if (!type.hasFieldOf(DataType.CUSTOM_OBJECT)) {
      return given;
    }
    Map<String, String> values = new LinkedHashMap<>(given);
    for (FieldDefinition set : type.fields()) {
      String partial = given.get(set.schemaName());
      if (set.dataType() != DataType.CUSTOM_OBJECT || partial == null || partial.isEmpty()) {
        continue;
      }
      Map<String, String> merged = new LinkedHashMap<>(read(stored.get(set.schemaName())));
      merged.remove(MODIFIED_BY_NAME);
      merged.remove(MODIFIED_ON);
      read(partial)
          .forEach(
              (name, value) -> {
                if (value.isEmpty()) {
                  merged.remove(name);
                } else {
                  merged.put(name, value);
                }
              });
      for (FieldDefinition sub : set.subFields()) {
        if (sub.mandatory() && !merged.containsKey(sub.schemaName()) && !merged.isEmpty()) {
          throw new RuleViolationException(
              ErrorType.MANDATORY_ATTRIBUTE_MISSING,
              "Mandatory field " + qualified(set, sub) + " is missing.");
        }
      }
      if (!merged.isEmpty()) {
        merged.put(MODIFIED_BY_NAME, byName);
        merged.put(MODIFIED_ON, ApiTime.format(now));
      }
      values.put(set.schemaName(), merged.isEmpty() ? "" : write(merged));
    }
    return values;
  }
}
