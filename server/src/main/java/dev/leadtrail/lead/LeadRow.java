package dev.leadtrail.lead;

import dev.leadtrail.http.ApiTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** A lead as LeadSquared's lead reads and lead webhooks show it. */
final class LeadRow {

  private LeadRow() {}

  /** A lead as LeadSquared's lead reads show it: flat, every value a string or null. */
  static Map<String, Object> of(Lead lead) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("ProspectID", lead.id().value());
    for (String name : LeadAttributeRules.STANDARD) {
      view.put(name, lead.attribute(name).orElse(null));
    }
    view.put("Score", String.valueOf(lead.score()));
    view.put("CreatedOn", ApiTime.format(lead.createdAt()));
    view.put("CreatedBy", lead.createdBy().value());
    view.put("ModifiedOn", ApiTime.format(lead.modifiedAt()));
    view.put("ModifiedBy", lead.modifiedBy().value());
    Map<String, String> custom = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    lead.attributes()
        .forEach(
            (name, value) -> {
              if (!LeadAttributeRules.STANDARD.contains(name)) {
                custom.put(name, value);
              }
            });
    view.putAll(custom);
    return view;
  }
}
