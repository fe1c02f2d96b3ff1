package dev.leadtrail.activitytype;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A field of an activity type: a custom field {@code mx_Custom_1}..{@code mx_Custom_50}, or one of
 * the system fields every type has. {@code maxFieldLength} is null for data types without one;
 * {@code subFields} are those of a custom field set ({@link DataType#CUSTOM_OBJECT}), else empty.
 */
@RecordBuilder
public record FieldDefinition(
    String schemaName,
    String displayName,
    DataType dataType,
    boolean mandatory,
    boolean showInForm,
    int sequence,
    List<DropdownOption> options,
    boolean multiSelect,
    Integer maxFieldLength,
    List<FieldDefinition> subFields) {

  public static final int DEFAULT_STRING_LENGTH = 200;
  public static final int TEXT_LENGTH = 64_000;
  public static final int MAX_DISPLAY_NAME_LENGTH = 200;

  public FieldDefinition {
    Objects.requireNonNull(schemaName);
    Objects.requireNonNull(displayName);
    Objects.requireNonNull(dataType);
    options = List.copyOf(options);
    subFields = subFields == null ? List.of() : List.copyOf(subFields);
  }

  /** A sub-field of a custom field set, its name matched ignoring case. */
  public Optional<FieldDefinition> subField(String name) {
    return subFields.stream().filter(f -> f.schemaName().equalsIgnoreCase(name)).findFirst();
  }

  /** The most characters a value may have. */
  public int lengthLimit() {
    if (maxFieldLength != null) {
      return maxFieldLength;
    }
    return dataType == DataType.TEXT ? TEXT_LENGTH : DEFAULT_STRING_LENGTH;
  }
}
