package dev.leadtrail.activity;

import dev.leadtrail.value.Guid;

/** An activity posted on a lead (LeadSquared's ProspectActivityId). */
public record ActivityId(String value) {

  public ActivityId {
    value = Guid.canonical(value);
  }

  /** The id a client sent as {@code parameter}; invalid input when it is not a GUID. */
  public static ActivityId parse(String text, String parameter) {
    return new ActivityId(Guid.parse(text, parameter, "An activity id is a GUID."));
  }

  public static ActivityId random() {
    return new ActivityId(Guid.random());
  }

  @Override
  public String toString() {
    return value;
  }
}
