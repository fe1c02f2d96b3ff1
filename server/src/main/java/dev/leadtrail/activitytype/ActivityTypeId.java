package dev.leadtrail.activitytype;

import dev.leadtrail.value.Guid;

/** An activity type's GUID; its event code is the other name clients know it by. */
public record ActivityTypeId(String value) {

  public ActivityTypeId {
    value = Guid.canonical(value);
  }

  public static ActivityTypeId random() {
    return new ActivityTypeId(Guid.random());
  }

  @Override
  public String toString() {
    return value;
  }
}
