package dev.leadtrail.lead;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A lead's attributes as {@code Lead.CreateOrUpdate} and {@code CreateCustom} send them: {@code
 * [{"Attribute","Value"}]}, one of which may be {@code SearchBy} (default EmailAddress), naming the
 * attribute that finds the lead to update.
 */
public record LeadDetails(List<LeadAttribute> attributes, SearchBy searchBy) {

  public LeadDetails {
    attributes = List.copyOf(attributes);
  }

  public static LeadDetails from(JsonNode body) {
    SearchBy searchBy = SearchBy.EMAIL_ADDRESS;
    List<LeadAttribute> attributes = new ArrayList<>();
    for (LeadAttribute attribute : LeadAttribute.listFrom(body)) {
      if (attribute.name().equalsIgnoreCase(SearchBy.PARAMETER)) {
        searchBy = SearchBy.parse(attribute.value());
      } else {
        attributes.add(attribute);
      }
    }
    return new LeadDetails(attributes, searchBy);
  }
}
