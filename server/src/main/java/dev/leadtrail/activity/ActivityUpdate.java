package dev.leadtrail.activity;

import java.util.List;
import java.util.Objects;

/**
 * An update of an activity's note and fields (contract section 5.1). {@code eventCode} is null when
 * not given; {@code note} is null to leave the note as it is; {@code fields} is empty to change
 * none.
 */
public record ActivityUpdate(
    ActivityId id,
    Integer eventCode,
    String note,
    List<FieldInput> fields,
    boolean skipOptionCheck) {

  public ActivityUpdate {
    Objects.requireNonNull(id);
    fields = List.copyOf(fields);
  }
}
