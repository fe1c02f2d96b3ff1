package dev.leadtrail.activity;

import java.util.Objects;

/**
 * One {@code {"SchemaName":..., "Value":...}} of an activity write; value is null for JSON null.
 */
public record FieldInput(String schemaName, String value) {

  public FieldInput {
    Objects.requireNonNull(schemaName);
  }
}
