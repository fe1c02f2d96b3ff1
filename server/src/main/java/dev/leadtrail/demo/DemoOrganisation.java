package dev.leadtrail.demo;

import dev.leadtrail.Leadtrail;
import dev.leadtrail.auth.IssuedKey;
import dev.leadtrail.org.OrgId;
import dev.leadtrail.user.Role;
import dev.leadtrail.user.UserId;

/**
 * The organisation {@code leadtrail demo} runs with. Its keys are the very words of the samples in
 * LeadSquared's documentation ({@code accessKey=AccessKey&secretKey=SecretKey}), so that a sample
 * runs as pasted with only the host changed; its user is the one the update sample names as Owner.
 */
public final class DemoOrganisation {

  public static final OrgId ORG_ID = new OrgId("5e1d0a3c-7b2f-4c89-9d41-6a0f2b8e4c17");
  public static final UserId USER_ID = new UserId("c7b539c1-3f7f-11e6-bec9-22000aa5088d");
  public static final IssuedKey KEYS = new IssuedKey("AccessKey", "SecretKey");

  private DemoOrganisation() {}

  /** Creates whatever part of the demo organisation is missing; does nothing when all is there. */
  public static void ensure(Leadtrail leadtrail) {
    if (leadtrail.organisations().find(ORG_ID).isEmpty()) {
      leadtrail.organisations().create(ORG_ID, "Leadtrail Demo", "UTC");
    }
    if (leadtrail.users().find(ORG_ID, USER_ID).isEmpty()) {
      leadtrail
          .users()
          .create(ORG_ID, USER_ID, "Demo", "User", "demo.user@example.com", Role.ADMINISTRATOR);
    }
    if (!leadtrail.apiKeys().isLive(ORG_ID, KEYS.accessKey())) {
      leadtrail.apiKeys().issue(ORG_ID, USER_ID, KEYS);
    }
  }
}
