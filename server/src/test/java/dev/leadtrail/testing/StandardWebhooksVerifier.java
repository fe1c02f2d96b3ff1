package dev.leadtrail.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a delivery's signature as the Standard Webhooks specification describes it, written from
 * the specification rather than from the sender: the secret is {@code whsec_} and the key in
 * base64; the signed content is {@code id.timestamp.body}; {@code webhook-signature} holds
 * space-separated {@code v1,<base64 HMAC-SHA256>} signatures, one of which must match; the
 * timestamp must be within five minutes of now.
 */
public final class StandardWebhooksVerifier {

  private static final Duration TOLERANCE = Duration.ofMinutes(5);

  private StandardWebhooksVerifier() {}

  public static boolean verifies(String secret, WebhookReceiver.Received delivery) {
    String id = delivery.header("webhook-id");
    String timestamp = delivery.header("webhook-timestamp");
    String signatures = delivery.header("webhook-signature");
    if (id == null || timestamp == null || signatures == null || !secret.startsWith("whsec_")) {
      return false;
    }
    long seconds = Long.parseLong(timestamp);
    if (Duration.between(Instant.ofEpochSecond(seconds), Instant.now()).abs().compareTo(TOLERANCE)
        > 0) {
      return false;
    }
    byte[] expected = hmac(secret, id + "." + timestamp + "." + delivery.body());
    for (String signature : signatures.split(" ")) {
      int comma = signature.indexOf(',');
      if (comma > 0 && signature.substring(0, comma).equals("v1")) {
        byte[] given = Base64.getDecoder().decode(signature.substring(comma + 1));
        if (MessageDigest.isEqual(expected, given)) {
          return true;
        }
      }
    }
    return false;
  }

  private static byte[] hmac(String secret, String content) {
    try {
      byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
