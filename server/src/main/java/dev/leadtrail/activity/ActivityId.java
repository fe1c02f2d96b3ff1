package dev.leadtrail.activity;

import dev.leadtrail.value.Guid;

/** An activity posted on a lead (LeadSquared's ProspectActivityId). */
public record ActivityId(String value) {

  public ActivityId {
    value = Guid.canonical(value);
  }

  public static ActivityId random() {
    return new ActivityId(Guid.random());
  }

  @Override
  public String toString() {
    return value;
  }
}
