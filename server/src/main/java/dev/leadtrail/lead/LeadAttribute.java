package dev.leadtrail.lead;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadtrail.error.RuleViolationException;
import dev.leadtrail.http.JsonValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** One {@code {"Attribute":..., "Value":...}} pair of a lead write; an empty value clears. */
public record LeadAttribute(String name, String value) {

  public LeadAttribute {
    Objects.requireNonNull(name);
    value = value == null ? "" : value;
  }

  /** The body of a lead write: {@code [{"Attribute":"FirstName","Value":"Ada"}, ...]}. */
  public static List<LeadAttribute> listFrom(JsonNode body) {
    List<LeadAttribute> attributes = new ArrayList<>();
    for (JsonNode element : JsonValues.array(body, "The request body")) {
      var pair = JsonValues.object(element, "Each attribute");
      String name = JsonValues.scalarText(pair.get("Attribute"), "Attribute");
      if (name == null || name.isBlank()) {
        throw RuleViolationException.invalidInput(
            "Attribute", "Each pair needs an attribute name.");
      }
      attributes.add(
          new LeadAttribute(name.strip(), JsonValues.scalarText(pair.get("Value"), "Value")));
    }
    return attributes;
  }
}
