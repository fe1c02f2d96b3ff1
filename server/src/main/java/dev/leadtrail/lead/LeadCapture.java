package dev.leadtrail.lead;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadtrail.error.RuleViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@code Lead.Capture} request: the attributes, the {@code ProspectID} and {@code SearchBy} it
 * may name (null when not), and how a lead found is updated ({@code LeadUpdateBehavior}).
 */
public record LeadCapture(
    List<LeadAttribute> attributes, LeadId prospectId, SearchBy searchBy, Behavior behavior) {

  /** LeadSquared's {@code LeadUpdateBehavior}. */
  public enum Behavior {
    UPDATE,
    DO_NOT_UPDATE,
    UPDATE_ONLY_EMPTY_FIELDS,
    DO_NOT_UPDATE_UNIQUE_FIELDS;

    static Behavior parse(String text) {
      if (text == null || text.isBlank()) {
        return UPDATE;
      }
      return switch (text.strip().toLowerCase(Locale.ROOT)) {
        case "none" -> UPDATE;
        case "donotupdate" -> DO_NOT_UPDATE;
        case "updateonlyemptyfields" -> UPDATE_ONLY_EMPTY_FIELDS;
        case "donotupdateuniquefields" -> DO_NOT_UPDATE_UNIQUE_FIELDS;
        default ->
            throw RuleViolationException.invalidInput(
                "LeadUpdateBehavior",
                "Expected DoNotUpdate, UpdateOnlyEmptyFields or DoNotUpdateUniqueFields.");
      };
    }
  }

  public LeadCapture {
    attributes = List.copyOf(attributes);
  }

  public static LeadCapture from(JsonNode body, String behavior) {
    LeadId prospectId = null;
    SearchBy searchBy = null;
    List<LeadAttribute> attributes = new ArrayList<>();
    for (LeadAttribute attribute : LeadAttribute.listFrom(body)) {
      if (attribute.name().equalsIgnoreCase("ProspectID")) {
        prospectId =
            attribute.value().isBlank() ? null : LeadId.parse(attribute.value(), "ProspectID");
      } else if (attribute.name().equalsIgnoreCase(SearchBy.PARAMETER)) {
        searchBy = SearchBy.parse(attribute.value());
      } else {
        attributes.add(attribute);
      }
    }
    return new LeadCapture(attributes, prospectId, searchBy, Behavior.parse(behavior));
  }

  /** The value given for an attribute, stripped; null when none is given. */
  String value(String name) {
    return attributes.stream()
        .filter(a -> a.name().equalsIgnoreCase(name))
        .map(a -> a.value().strip())
        .filter(v -> !v.isEmpty())
        .findFirst()
        .orElse(null);
  }
}
