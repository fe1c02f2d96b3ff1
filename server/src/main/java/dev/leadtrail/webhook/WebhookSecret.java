package dev.leadtrail.webhook;

import java.security.SecureRandom;
import java.util.Base64;

/** Signing secrets in the Standard Webhooks form: {@code whsec_} and 32 random bytes in base64. */
final class WebhookSecret {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int BYTES = 32;

  private WebhookSecret() {}

  static String generate() {
    byte[] key = new byte[BYTES];
    RANDOM.nextBytes(key);
    return "whsec_" + Base64.getEncoder().encodeToString(key);
  }
}
