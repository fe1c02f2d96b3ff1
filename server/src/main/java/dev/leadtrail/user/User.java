package dev.leadtrail.user;

import dev.leadtrail.org.OrgId;
import java.util.Objects;

public record User(
    OrgId orgId,
    UserId id,
    String firstName,
    String lastName,
    String email,
    Role role,
    boolean active) {

  public User {
    Objects.requireNonNull(orgId);
    Objects.requireNonNull(id);
    Objects.requireNonNull(firstName);
    Objects.requireNonNull(lastName);
    Objects.requireNonNull(email);
    Objects.requireNonNull(role);
  }

  public String name() {
    return lastName.isEmpty() ? firstName : firstName + " " + lastName;
  }
}
