package dev.leadtrail.user;

import dev.leadtrail.org.OrgId;
import dev.leadtrail.org.Organisation;
import java.util.Objects;

/** Who makes a call: an active user of one organisation, proven by a key pair. */
public record Caller(Organisation organisation, User user) {

  public Caller {
    Objects.requireNonNull(organisation);
    Objects.requireNonNull(user);
    if (!organisation.id().equals(user.orgId())) {
      throw new IllegalArgumentException("the user belongs to another organisation");
    }
  }

  public OrgId orgId() {
    return organisation.id();
  }

  public UserId userId() {
    return user.id();
  }
}
