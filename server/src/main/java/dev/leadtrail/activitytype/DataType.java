package dev.leadtrail.activitytype;

import java.util.Arrays;
import java.util.Optional;

/** The data types of activity fields (contract section 7), spelt as the API sends them. */
public enum DataType {
  STRING("String"),
  TEXT("Text"),
  NUMBER("Number"),
  DATE("Date"),
  DATE_TIME("DateTime"),
  BOOLEAN("Boolean"),
  DROPDOWN("Dropdown"),
  SEARCHABLE_DROPDOWN("SearchableDropdown"),
  EMAIL("Email"),
  PHONE("Phone"),
  URL("Url"),
  ACTIVE_USERS("ActiveUsers"),
  FILE("File"),
  /** A custom field set: its value is a JSON object of its sub-fields' values. */
  CUSTOM_OBJECT("CustomObject");

  private final String wireName;

  DataType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public boolean isDropdown() {
    return this == DROPDOWN || this == SEARCHABLE_DROPDOWN;
  }

  public static Optional<DataType> named(String name) {
    return Arrays.stream(values())
        .filter(t -> t.wireName.equalsIgnoreCase(name.strip()))
        .findFirst();
  }
}
