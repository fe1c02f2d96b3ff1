package dev.leadtrail.activitytype;

import dev.leadtrail.value.Guid;

/** An activity type's GUID; its event code is the other name clients know it by. */
public record ActivityTypeId(String value) {

  public ActivityTypeId {
    value = Guid.canonical(value);
  }

  /** The id a client sent as {@code parameter}; invalid input when it is not a GUID. */
  public static ActivityTypeId parse(String text, String parameter) {
    return new ActivityTypeId(Guid.parse(text, parameter, "The activity type's ID is a GUID."));
  }

  public static ActivityTypeId random() {
    return new ActivityTypeId(Guid.random());
  }

  @Override
  public String toString() {
    return value;
  }
}
