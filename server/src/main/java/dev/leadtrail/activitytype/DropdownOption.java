package dev.leadtrail.activitytype;

import java.util.Objects;

/** One option of a dropdown field, as LeadSquared's OptionSet lists it. */
public record DropdownOption(String value, String text, boolean isDefault, int order) {

  /** The longest value or text an option has. */
  public static final int MAX_LENGTH = 200;

  public DropdownOption {
    Objects.requireNonNull(value);
    text = text == null ? "" : text;
  }
}
