package dev.leadtrail.activitytype;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.List;
import java.util.Objects;

/**
 * A field of an activity type: a custom field {@code mx_Custom_1}..{@code mx_Custom_50}, or one of
 * the system fields every type has. {@code maxFieldLength} is null for data types without one.
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
    Integer maxFieldLength) {

  public static final int DEFAULT_STRING_LENGTH = 200;
  public static final int TEXT_LENGTH = 64_000;
  public static final int MAX_DISPLAY_NAME_LENGTH = 200;

  public FieldDefinition {
    Objects.requireNonNull(schemaName);
    Objects.requireNonNull(displayName);
    Objects.requireNonNull(dataType);
    options = List.copyOf(options);
  }

  /** The most characters a value may have. */
  public int lengthLimit() {
    if (maxFieldLength != null) {
      return maxFieldLength;
    }
    return dataType == DataType.TEXT ? TEXT_LENGTH : DEFAULT_STRING_LENGTH;
  }
}
