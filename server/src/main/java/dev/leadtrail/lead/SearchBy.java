package dev.leadtrail.lead;

import dev.leadtrail.error.RuleViolationException;

/** The attribute {@code Lead.CreateOrUpdate} looks an existing lead up by. */
public enum SearchBy {
  EMAIL_ADDRESS(LeadAttributeRules.EMAIL),
  PHONE(LeadAttributeRules.PHONE);

  /** The pseudo-attribute of a CreateOrUpdate body that names it. */
  public static final String PARAMETER = "SearchBy";

  private final String attribute;

  SearchBy(String attribute) {
    this.attribute = attribute;
  }

  public String attribute() {
    return attribute;
  }

  /** The search key a client names, ignoring case. */
  public static SearchBy parse(String value) {
    for (SearchBy candidate : values()) {
      if (candidate.attribute().equalsIgnoreCase(value.strip())) {
        return candidate;
      }
    }
    throw RuleViolationException.invalidInput(
        PARAMETER, "Leads can be searched by EmailAddress or Phone.");
  }
}
