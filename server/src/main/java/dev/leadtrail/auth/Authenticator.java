package dev.leadtrail.auth;

import dev.leadtrail.error.AuthenticationException;
import dev.leadtrail.storage.Database;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a request's key pair into its {@link Caller}, or refuses it.
 *
 * <p>The key, its user and organisation are read from the store on every call, so a revoked key or
 * a deactivated user stops working at once, on every instance. Only the slow hash is spared: once a
 * secret has matched its stored hash, an HMAC of it under a key that lives only in this process
 * stands in for the next comparisons with that same stored hash, and any other secret is refused
 * without hashing, so that guessing at a key in use costs the server next to nothing. Thread-safe.
 */
public final class Authenticator {

  private record Verified(String secretHash, byte[] fingerprint) {}

  private final Database database;
  private final ApiKeyRepository keys;
  private final SecretHasher hasher;
  private final ConcurrentMap<String, Verified> verified = new ConcurrentHashMap<>();
  private final SecretKeySpec fingerprintKey;

  Authenticator(Database database, ApiKeyRepository keys, SecretHasher hasher) {
    this.database = database;
    this.keys = keys;
    this.hasher = hasher;
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    this.fingerprintKey = new SecretKeySpec(key, "HmacSHA256");
  }

  public Caller authenticate(Credentials credentials) {
    if (!credentials.isComplete()) {
      throw new AuthenticationException();
    }
    var stored =
        database
            .read(handle -> keys.findLive(handle, credentials.accessKey()))
            .orElseThrow(AuthenticationException::new);
    if (!stored.holder().user().active()
        || !secretMatches(credentials.accessKey(), credentials.secretKey(), stored.secretHash())) {
      throw new AuthenticationException();
    }
    return stored.holder();
  }

  private boolean secretMatches(String accessKey, String secret, String secretHash) {
    byte[] fingerprint = fingerprint(secret);
    Verified known = verified.get(accessKey);
    if (known != null && known.secretHash().equals(secretHash)) {
      return MessageDigest.isEqual(known.fingerprint(), fingerprint);
    }
    if (!hasher.matches(secret, secretHash)) {
      return false;
    }
    verified.put(accessKey, new Verified(secretHash, fingerprint));
    return true;
  }

  private byte[] fingerprint(String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(fingerprintKey);
      return mac.doFinal(secret.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
    }
  }
}
