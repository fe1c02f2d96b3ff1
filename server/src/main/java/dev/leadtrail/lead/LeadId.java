package dev.leadtrail.lead;

import dev.leadtrail.value.Guid;

/** A lead (LeadSquared's ProspectID). */
public record LeadId(String value) {

  public LeadId {
    value = Guid.canonical(value);
  }

  public static LeadId random() {
    return new LeadId(Guid.random());
  }

  @Override
  public String toString() {
    return value;
  }
}
