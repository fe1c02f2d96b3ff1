package dev.leadtrail.lead;

import java.util.Objects;

/** One {@code {"Attribute":..., "Value":...}} pair of a lead write; an empty value clears. */
public record LeadAttribute(String name, String value) {

  public LeadAttribute {
    Objects.requireNonNull(name);
    value = value == null ? "" : value;
  }
}
