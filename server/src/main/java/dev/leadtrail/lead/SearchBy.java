package dev.leadtrail.lead;

/** The attribute {@code Lead.CreateOrUpdate} looks an existing lead up by. */
public enum SearchBy {
  EMAIL_ADDRESS(LeadAttributeRules.EMAIL),
  PHONE(LeadAttributeRules.PHONE);

  private final String attribute;

  SearchBy(String attribute) {
    this.attribute = attribute;
  }

  public String attribute() {
    return attribute;
  }
}
