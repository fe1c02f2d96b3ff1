package dev.leadtrail.activitytype;

import java.util.List;

/**
 * An activity type as a client sends it to create or change one: null where the client sent nothing
 * (on a change: leave it as it is). {@code fields}, when given, is the type's whole set of custom
 * fields.
 */
public record ActivityTypeDraft(
    String name,
    Integer score,
    String description,
    Integer direction,
    Boolean trackLocation,
    Boolean allowAttachments,
    Boolean showInActivityGrid,
    Boolean canDeleteActivity,
    Boolean active,
    List<FieldDraft> fields) {

  public ActivityTypeDraft {
    fields = fields == null ? null : List.copyOf(fields);
  }
}
