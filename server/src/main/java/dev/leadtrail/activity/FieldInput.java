package dev.leadtrail.activity;

import java.util.List;
import java.util.Objects;

/**
 * One {@code {"SchemaName":..., "Value":...}} of an activity write; value is null for JSON null.
 * {@code fields} holds the sub-fields of a custom field set's entry, and is null when the entry has
 * no {@code Fields}.
 */
public record FieldInput(String schemaName, String value, List<FieldInput> fields) {

  public FieldInput {
    Objects.requireNonNull(schemaName);
    fields = fields == null ? null : List.copyOf(fields);
  }

  public FieldInput(String schemaName, String value) {
    this(schemaName, value, null);
  }
}
