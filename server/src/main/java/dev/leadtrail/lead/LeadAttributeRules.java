package dev.leadtrail.lead;

import dev.leadtrail.error.ErrorType;
import dev.leadtrail.error.RuleViolationException;
import dev.leadtrail.value.EmailAddress;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which attributes a lead has and what each accepts. Leads have LeadSquared's common standard
 * attributes and any number of custom ones named {@code mx_...}; names match ignoring case and are
 * kept in their canonical spelling (a custom name in the spelling it was first given).
 */
final class LeadAttributeRules {

  static final String FIRST_NAME = "FirstName";
  static final String LAST_NAME = "LastName";
  static final String EMAIL = "EmailAddress";
  static final String PHONE = "Phone";
  static final String OWNER = "OwnerId";

  static final List<String> STANDARD =
      List.of(
          FIRST_NAME, LAST_NAME, EMAIL, PHONE, "Mobile", "Company", "JobTitle", "Source", OWNER);

  /** The attributes stored in columns of their own, to be found or joined by. */
  static final List<String> STANDARD_COLUMNS = List.of(FIRST_NAME, LAST_NAME, EMAIL, PHONE, OWNER);

  /** A lead must keep at least one of these. */
  static final List<String> IDENTIFYING = List.of(FIRST_NAME, LAST_NAME, EMAIL, PHONE);

  static final int MAX_LENGTH = 200;

  private static final Pattern CUSTOM =
      Pattern.compile("mx_[A-Za-z0-9_]{1,64}", Pattern.CASE_INSENSITIVE);
  private static final Pattern PHONE_SHAPE = Pattern.compile("\\+?[0-9](?:[0-9 -]*[0-9])?");

  private LeadAttributeRules() {}

  /** The canonical spelling of {@code name}, looking first among those the lead already has. */
  static String canonicalName(String name, Map<String, String> existing) {
    for (String standard : STANDARD) {
      if (standard.equalsIgnoreCase(name)) {
        return standard;
      }
    }
    if (!CUSTOM.matcher(name).matches()) {
      throw new RuleViolationException(
          ErrorType.UNKNOWN_ATTRIBUTE,
          "Unknown attribute: " + name + ". Leads have no such field.");
    }
    for (String known : existing.keySet()) {
      if (known.equalsIgnoreCase(name)) {
        return known;
      }
    }
    return "mx_" + name.substring(3);
  }

  /** The value as stored; an empty value clears the attribute. */
  static String checkedValue(String name, String value) {
    String trimmed = value.strip();
    if (trimmed.isEmpty()) {
      return "";
    }
    if (trimmed.length() > MAX_LENGTH) {
      throw RuleViolationException.invalidInput(
          name, "The value is longer than " + MAX_LENGTH + " characters.");
    }
    return switch (name) {
      case EMAIL ->
          EmailAddress.parse(trimmed)
              .map(EmailAddress::value)
              .orElseThrow(
                  () -> RuleViolationException.invalidInput(name, "Not an email address."));
      case PHONE, "Mobile" -> {
        if (!PHONE_SHAPE.matcher(trimmed).matches()) {
          throw RuleViolationException.invalidInput(
              name, "A phone number has digits, with an optional leading +, spaces and -.");
        }
        yield trimmed;
      }
      default -> trimmed;
    };
  }
}
