package dev.leadtrail.activity;

import dev.leadtrail.activitytype.ActivityType;
import dev.leadtrail.activitytype.DataType;
import dev.leadtrail.activitytype.FieldDefinition;
import dev.leadtrail.file.FileNames;
import dev.leadtrail.file.FileService;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** An activity with its type, as reads show it. */
public record TypedActivity(Activity activity, ActivityType type) {

  /**
   * As reads show it with {@code getFileURL=true}: each stored file name in a File field as the URL
   * it is downloaded from, on the server at {@code baseUrl}; a URL not fetched yet stays as it is.
   */
  public TypedActivity withFileUrls(String baseUrl) {
    Map<String, String> values = new HashMap<>(activity.fieldValues());
    for (FieldDefinition field : type.fields()) {
      String value = values.get(field.schemaName());
      if (value == null || value.isEmpty()) {
        continue;
      }
      if (field.dataType() == DataType.FILE) {
        values.put(field.schemaName(), fileUrls(value, baseUrl));
      } else if (field.dataType() == DataType.CUSTOM_OBJECT) {
        Map<String, String> set = new LinkedHashMap<>(CustomFieldSets.read(value));
        for (FieldDefinition sub : field.subFields()) {
          if (sub.dataType() == DataType.FILE && set.containsKey(sub.schemaName())) {
            set.put(sub.schemaName(), fileUrls(set.get(sub.schemaName()), baseUrl));
          }
        }
        values.put(field.schemaName(), CustomFieldSets.write(set));
      }
    }
    return new TypedActivity(activity.with().fieldValues(values).build(), type);
  }

  /** Each stored name of a File value as its download URL. */
  static String fileUrls(String value, String baseUrl) {
    return FileFields.parts(value).stream()
        .map(part -> FileNames.isStoredName(part) ? FileService.downloadUrl(baseUrl, part) : part)
        .collect(Collectors.joining(","));
  }

  /** Whether a File field or set holds a URL: only then may a fetch of it be pending or failed. */
  boolean holdsFileUrls() {
    for (FieldDefinition field : type.fields()) {
      String value = activity.fieldValues().get(field.schemaName());
      boolean holdsFiles =
          field.dataType() == DataType.FILE || field.dataType() == DataType.CUSTOM_OBJECT;
      if (holdsFiles && value != null && value.contains("://")) {
        return true;
      }
    }
    return false;
  }

  /** The values of the type's current custom fields, in the type's order; "" where none. */
  public Map<String, String> currentFieldValues() {
    Map<String, String> values = new LinkedHashMap<>();
    for (FieldDefinition field : type.fields()) {
      values.put(field.schemaName(), activity.fieldValues().getOrDefault(field.schemaName(), ""));
    }
    return values;
  }
}
