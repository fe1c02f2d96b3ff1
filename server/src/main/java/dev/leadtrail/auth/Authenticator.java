package dev.leadtrail.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.leadtrail.error.AuthenticationException;
import dev.leadtrail.storage.Database;
import dev.leadtrail.user.RecentUsers;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a request's key pair into its {@link Caller}, or refuses it.
 *
 * <p>A caller verified within the last {@link #HELD_FOR} is answered from memory; otherwise the
 * key, its user and organisation are read from the store. So a key revoked, a user deactivated or a
 * limit changed through this process takes effect at once ({@link #forgetCallers()}), and one
 * changed by another instance or by the admin command within {@link #HELD_FOR}.
 *
 * <p>The slow hash is run once per key and process: once a secret has matched its stored hash, an
 * HMAC of it under a key that lives only in this process stands in for the next comparisons with
 * that same stored hash, and any other secret is refused without hashing, so that guessing at a key
 * in use costs the server next to nothing. Callers presenting a key for the first time at once wait
 * for one hash rather than each running their own. Thread-safe.
 */
public final class Authenticator {

  /** How long a verified caller is answered from memory. */
  public static final Duration HELD_FOR = RecentUsers.HELD_FOR;

  private static final int CALLERS_HELD = 100_000;
  private static final int HASHING_LOCKS = 64;

  private record Verified(String secretHash, byte[] fingerprint) {}

  private record Held(Caller caller, byte[] fingerprint) {}

  private final Database database;
  private final ApiKeyRepository keys;
  private final SecretHasher hasher;
  private final ConcurrentMap<String, Verified> verified = new ConcurrentHashMap<>();
  private final Cache<String, Held> recent =
      Caffeine.newBuilder().expireAfterWrite(HELD_FOR).maximumSize(CALLERS_HELD).build();
  private final Object[] hashingLocks = new Object[HASHING_LOCKS];
  private final SecretKeySpec fingerprintKey;

  Authenticator(Database database, ApiKeyRepository keys, SecretHasher hasher) {
    this.database = database;
    this.keys = keys;
    this.hasher = hasher;
    for (int i = 0; i < hashingLocks.length; i++) {
      hashingLocks[i] = new Object();
    }
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    this.fingerprintKey = new SecretKeySpec(key, "HmacSHA256");
  }

  public Caller authenticate(Credentials credentials) {
    if (!credentials.isComplete()) {
      throw new AuthenticationException();
    }
    String accessKey = credentials.accessKey();
    byte[] fingerprint = fingerprint(credentials.secretKey());
    Held held = recent.getIfPresent(accessKey);
    if (held != null) {
      if (!MessageDigest.isEqual(held.fingerprint(), fingerprint)) {
        throw new AuthenticationException();
      }
      return held.caller();
    }
    var stored =
        database
            .read(handle -> keys.findLive(handle, accessKey))
            .orElseThrow(AuthenticationException::new);
    if (!stored.holder().user().active()
        || !secretMatches(accessKey, credentials.secretKey(), fingerprint, stored.secretHash())) {
      throw new AuthenticationException();
    }
    recent.put(accessKey, new Held(stored.holder(), fingerprint));
    return stored.holder();
  }

  /** Reads every caller from the store again: access has changed. */
  public void forgetCallers() {
    recent.invalidateAll();
  }

  private boolean secretMatches(
      String accessKey, String secret, byte[] fingerprint, String secretHash) {
    Verified known = verified.get(accessKey);
    if (known == null || !known.secretHash().equals(secretHash)) {
      synchronized (hashingLocks[Math.floorMod(accessKey.hashCode(), hashingLocks.length)]) {
        known = verified.get(accessKey);
        if (known == null || !known.secretHash().equals(secretHash)) {
          if (!hasher.matches(secret, secretHash)) {
            return false;
          }
          verified.put(accessKey, new Verified(secretHash, fingerprint));
          return true;
        }
      }
    }
    return MessageDigest.isEqual(known.fingerprint(), fingerprint);
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
