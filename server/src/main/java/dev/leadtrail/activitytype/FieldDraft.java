package dev.leadtrail.activitytype;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.List;

/**
 * A field definition as a client sends it; null where the client sent nothing. {@link
 * ActivityTypeService} checks it and fills in the defaults.
 */
@RecordBuilder
public record FieldDraft(
    String schemaName,
    String displayName,
    String dataType,
    Boolean mandatory,
    Boolean showInForm,
    Integer sequence,
    List<DropdownOption> options,
    Boolean multiSelect,
    Integer maxFieldLength,
    List<FieldDraft> subFields) {

  public FieldDraft {
    options = options == null ? List.of() : List.copyOf(options);
    subFields = subFields == null ? null : List.copyOf(subFields);
  }
}
