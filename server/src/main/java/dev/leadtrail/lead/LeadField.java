package dev.leadtrail.lead;

import java.util.List;

/**
 * A lead field as {@code LeadsMetaData.Get} describes it: {@code dataType} and {@code renderType}
 * in LeadSquared's words; custom fields hold any text.
 */
public record LeadField(
    String schemaName, String displayName, String dataType, String renderType, int maxLength) {

  static final List<LeadField> STANDARD =
      List.of(
          text("FirstName", "First Name"),
          text("LastName", "Last Name"),
          new LeadField("EmailAddress", "Email", "Email", "Email", LeadAttributeRules.MAX_LENGTH),
          new LeadField("Phone", "Phone Number", "Phone", "Phone", LeadAttributeRules.MAX_LENGTH),
          new LeadField("Mobile", "Mobile Number", "Phone", "Phone", LeadAttributeRules.MAX_LENGTH),
          text("Company", "Company"),
          text("JobTitle", "Job Title"),
          text("Source", "Lead Source"),
          new LeadField(
              "OwnerId", "Lead Owner", "ActiveUsers", "Dropdown", LeadAttributeRules.MAX_LENGTH));

  static LeadField custom(String schemaName) {
    return text(schemaName, schemaName.substring("mx_".length()).replace('_', ' '));
  }

  private static LeadField text(String schemaName, String displayName) {
    return new LeadField(
        schemaName, displayName, "String", "Textbox", LeadAttributeRules.MAX_LENGTH);
  }
}
