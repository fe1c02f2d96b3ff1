package dev.leadtrail.testing;

import dev.leadtrail.auth.IssuedKey;
import dev.leadtrail.org.OrgId;
import dev.leadtrail.user.UserId;

/** An organisation made for one test, with one administrator and that user's keys. */
public record Tenant(OrgId orgId, UserId userId, String email, IssuedKey keys) {

  /** The keys as query parameters, as LeadSquared's samples pass them. */
  public String keyQuery() {
    return "accessKey=" + keys.accessKey() + "&secretKey=" + keys.secretKey();
  }
}
