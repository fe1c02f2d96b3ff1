package dev.leadtrail.activity;

import dev.leadtrail.activitytype.ActivityType;
import dev.leadtrail.activitytype.FieldDefinition;
import java.util.LinkedHashMap;
import java.util.Map;

/** An activity with its type, as reads show it. */
public record TypedActivity(Activity activity, ActivityType type) {

  /** The values of the type's current custom fields, in the type's order; "" where none. */
  public Map<String, String> currentFieldValues() {
    Map<String, String> values = new LinkedHashMap<>();
    for (FieldDefinition field : type.fields()) {
      values.put(field.schemaName(), activity.fieldValues().getOrDefault(field.schemaName(), ""));
    }
    return values;
  }
}
