package dev.leadtrail.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Hashes secret keys, salted, so that a stolen database does not give them away. The stored form
 * names its scheme ({@code scheme$...}), so old hashes keep working when the cost changes.
 *
 * <ul>
 *   <li>A secret Leadtrail issued holds 160 random bits: no one can guess it however fast each
 *       guess is, so an HMAC-SHA256 keyed by its salt protects it ({@code sha256$salt$hash}), as
 *       GitHub and Stripe store their tokens. Checking one costs microseconds, the same for a wrong
 *       secret as for an unknown key, so response times tell no key from another.
 *   <li>A secret someone chose (the demo's {@code SecretKey}) may be guessable, so it gets
 *       PBKDF2-HMAC-SHA512 at OWASP's iteration count ({@code pbkdf2-sha512$210000$salt$hash}).
 * </ul>
 *
 * Stateless and thread-safe.
 */
final class SecretHasher {

  private static final String PBKDF2 = "PBKDF2WithHmacSHA512";
  private static final String SLOW_PREFIX = "pbkdf2-sha512";
  private static final String FAST_PREFIX = "sha256";
  private static final int ITERATIONS = 210_000;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 256;

  private final SecureRandom random = new SecureRandom();

  /** For a secret someone chose: the slow hash. */
  String hash(String secret) {
    byte[] salt = salt();
    return SLOW_PREFIX
        + "$"
        + ITERATIONS
        + "$"
        + encode(salt)
        + "$"
        + encode(slow(secret, salt, ITERATIONS));
  }

  /** For a secret of at least 128 random bits that Leadtrail drew itself: the fast hash. */
  String hashRandom(String secret) {
    byte[] salt = salt();
    return FAST_PREFIX + "$" + encode(salt) + "$" + encode(fast(secret, salt));
  }

  /** Whether checking a secret against {@code stored} runs the slow hash. */
  static boolean isSlow(String stored) {
    return stored.startsWith(SLOW_PREFIX + "$");
  }

  /** Whether {@code secret} is the one {@code stored} was made from, compared in constant time. */
  boolean matches(String secret, String stored) {
    String[] parts = stored.split("\\$");
    var b64 = Base64.getDecoder();
    if (parts.length == 3 && parts[0].equals(FAST_PREFIX)) {
      return MessageDigest.isEqual(b64.decode(parts[2]), fast(secret, b64.decode(parts[1])));
    }
    if (parts.length == 4 && parts[0].equals(SLOW_PREFIX)) {
      byte[] actual = slow(secret, b64.decode(parts[2]), Integer.parseInt(parts[1]));
      return MessageDigest.isEqual(b64.decode(parts[3]), actual);
    }
    return false;
  }

  private byte[] salt() {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    return salt;
  }

  private static String encode(byte[] bytes) {
    return Base64.getEncoder().withoutPadding().encodeToString(bytes);
  }

  private static byte[] fast(String secret, byte[] salt) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(salt, "HmacSHA256"));
      return mac.doFinal(secret.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
    }
  }

  private static byte[] slow(String secret, byte[] salt, int iterations) {
    var spec = new PBEKeySpec(secret.toCharArray(), salt, iterations, HASH_BITS);
    try {
      return SecretKeyFactory.getInstance(PBKDF2).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(PBKDF2 + " is not available in this JDK", e);
    } finally {
      spec.clearPassword();
    }
  }
}
