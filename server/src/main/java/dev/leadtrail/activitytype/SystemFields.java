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
      new FieldDefinition(NOTE, "Notes", DataType.TEXT, false, true, 0, List.of(), false, null);
  public static final FieldDefinition STATUS_FIELD =
      new FieldDefinition(
          STATUS,
          "Status",
          DataType.DROPDOWN,
          false,
          true,
          0,
          List.of(
              new DropdownOption(ACTIVE, ACTIVE, true, 0),
              new DropdownOption(INACTIVE, INACTIVE, false, 1)),
          false,
          null);
  public static final FieldDefinition OWNER_FIELD =
      new FieldDefinition(
          OWNER, "Owner", DataType.ACTIVE_USERS, false, true, 0, List.of(), false, null);

  public static final List<FieldDefinition> ALL = List.of(NOTE_FIELD, STATUS_FIELD, OWNER_FIELD);

  private SystemFields() {}
}
