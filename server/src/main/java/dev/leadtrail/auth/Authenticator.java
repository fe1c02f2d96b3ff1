package dev.leadtrail.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.leadtrail.error.AuthenticationException;
import dev.leadtrail.error.FailureSummary;
import dev.leadtrail.http.Credentials;
import dev.leadtrail.storage.Database;
import dev.leadtrail.user.Caller;
import dev.leadtrail.user.RecentUsers;
import dev.leadtrail.user.UserService;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a request's key pair into its {@link Caller}, or refuses it.
 *
 * <p>A caller verified within the last {@link #HELD_FOR} is answered from memory; otherwise the
 * key, its user and organisation are read from the store. So a key revoked, a user deactivated or a
 * limit changed through this process takes effect at once ({@link #forgetCallers()}), and one
 * changed by another instance or by the admin command within {@link #HELD_FOR}.
 *
 * <p>Issued secrets are checked by a fast hash (see {@link SecretHasher}): a wrong secret costs
 * what an unknown key costs. A chosen secret's slow hash is run once per key and process: once it
 * has matched, an HMAC of it under a key that lives only in this process stands in for the next
 * comparisons, and any other secret is refused without hashing. Until then, callers presenting the
 * same secret at once wait for one hash, and callers presenting different secrets each run their
 * own, side by side: a caller guessing at a key never makes its owner wait in line behind the
 * guesses. Thread-safe.
 */
public final class Authenticator {

  /** How long a verified caller is answered from memory. */
  public static final Duration HELD_FOR = RecentUsers.HELD_FOR;

  private static final Logger log = LoggerFactory.getLogger(Authenticator.class);
  private static final int CALLERS_HELD = 100_000;

  private record Verified(String secretHash, byte[] fingerprint) {}

  private record Held(Caller caller, byte[] fingerprint) {}

  /** A live key's stored hash and the caller it names, read together. */
  private record Presented(String secretHash, Caller holder) {}

  /** One secret presented for one stored hash: the unit a slow check is shared by. */
  private record Attempt(String accessKey, String secretHash, String fingerprint) {}

  private final Database database;
  private final ApiKeyRepository keys;
  private final UserService users;
  private final SecretHasher hasher;
  private final ConcurrentMap<String, Verified> verified = new ConcurrentHashMap<>();
  private final Cache<String, Held> recent =
      Caffeine.newBuilder().expireAfterWrite(HELD_FOR).maximumSize(CALLERS_HELD).build();
  private final ConcurrentMap<Attempt, CompletableFuture<Boolean>> slowChecks =
      new ConcurrentHashMap<>();
  private final SecretKeySpec fingerprintKey;

  Authenticator(Database database, ApiKeyRepository keys, UserService users, SecretHasher hasher) {
    this.database = database;
    this.keys = keys;
    this.users = users;
    this.hasher = hasher;
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
            .read(
                () ->
                    keys.findLive(accessKey)
                        .flatMap(
                            key ->
                                users
                                    .caller(key.orgId(), key.userId())
                                    .map(holder -> new Presented(key.secretHash(), holder))))
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
    if (!SecretHasher.isSlow(secretHash)) {
      return hasher.matches(secret, secretHash);
    }
    Verified known = verified.get(accessKey);
    if (known != null && known.secretHash().equals(secretHash)) {
      return MessageDigest.isEqual(known.fingerprint(), fingerprint);
    }
    var attempt = new Attempt(accessKey, secretHash, HexFormat.of().formatHex(fingerprint));
    var mine = new CompletableFuture<Boolean>();
    CompletableFuture<Boolean> running = slowChecks.putIfAbsent(attempt, mine);
    if (running != null) {
      return running.join();
    }
    try {
      boolean matches = hasher.matches(secret, secretHash);
      if (matches) {
        verified.put(accessKey, new Verified(secretHash, fingerprint));
        if (ApiKeyService.looksIssued(secret)) {
          moveToFastHash(accessKey, secret, secretHash);
        }
      }
      mine.complete(matches);
      return matches;
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      slowChecks.remove(attempt, mine);
    }
  }

  /**
   * Stores a secret issued before issued secrets got the fast hash under it. Only a saving: if the
   * store refuses now, the next process tries again, and the caller is answered all the same.
   */
  private void moveToFastHash(String accessKey, String secret, String secretHash) {
    try {
      database.write(
          () -> {
            keys.replaceHash(accessKey, secretHash, hasher.hashRandom(secret));
            return null;
          });
    } catch (RuntimeException e) {
      log.warn(
          "A key's secret could not be moved to the fast hash: {}", FailureSummary.describe(e));
    }
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
