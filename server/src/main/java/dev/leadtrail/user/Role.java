package dev.leadtrail.user;

import java.util.Arrays;
import java.util.Optional;

/** LeadSquared's user roles, spelt as its API sends them. */
public enum Role {
  ADMINISTRATOR("Administrator"),
  SALES_MANAGER("Sales_Manager"),
  SALES_USER("Sales_User"),
  MARKETING_USER("Marketing_User");

  private final String wireName;

  Role(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** The role with this name, ignoring case and the underscore. */
  public static Optional<Role> named(String name) {
    String wanted = name.replace("_", "").replace(" ", "");
    return Arrays.stream(values())
        .filter(role -> role.wireName.replace("_", "").equalsIgnoreCase(wanted))
        .findFirst();
  }
}
