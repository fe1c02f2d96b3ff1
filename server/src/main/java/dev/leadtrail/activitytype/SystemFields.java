package dev.leadtrail.activitytype;

import java.util.List;

/** The fields every activity type has besides its custom ones. */
public final class SystemFields {

  public static final String NOTE = "ActivityEvent_Note";
  public static final String STATUS = "Status";
  public static final String OWNER = "Owner";

  public static final String ACTIVE = "Active";
  public static final String INACTIVE = "Inactive";

  public static final FieldDefinition NOTE_FIELD =
      systemField(NOTE, "Notes", DataType.TEXT, List.of());
  public static final FieldDefinition STATUS_FIELD =
      systemField(
          STATUS,
          "Status",
          DataType.DROPDOWN,
          List.of(
              new DropdownOption(ACTIVE, ACTIVE, true, 0),
              new DropdownOption(INACTIVE, INACTIVE, false, 1)));
  public static final FieldDefinition OWNER_FIELD =
      systemField(OWNER, "Owner", DataType.ACTIVE_USERS, List.of());

  public static final List<FieldDefinition> ALL = List.of(NOTE_FIELD, STATUS_FIELD, OWNER_FIELD);

  private SystemFields() {}

  /** A field every type has: optional, shown in the form, first, single-choice. */
  private static FieldDefinition systemField(
      String schemaName, String displayName, DataType dataType, List<DropdownOption> options) {
    return FieldDefinitionBuilder.builder()
        .schemaName(schemaName)
        .displayName(displayName)
        .dataType(dataType)
        .mandatory(false)
        .showInForm(true)
        .sequence(0)
        .options(options)
        .multiSelect(false)
        .build();
  }
}
