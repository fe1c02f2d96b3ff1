package dev.leadtrail.lead;

import dev.leadtrail.value.Guid;

/** A lead (LeadSquared's ProspectID). */
public record LeadId(String value) {

  public LeadId {
    value = Guid.canonical(value);
  }

  /** The id a client sent as {@code parameter}; invalid input when it is not a GUID. */
  public static LeadId parse(String text, String parameter) {
    return new LeadId(Guid.parse(text, parameter, "A lead id is a GUID."));
  }

  public static LeadId random() {
    return new LeadId(Guid.random());
  }

  @Override
  public String toString() {
    return value;
  }
}
