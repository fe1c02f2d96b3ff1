package dev.leadtrail.auth;

import dev.leadtrail.error.ErrorType;
import dev.leadtrail.error.RuleViolationException;
import dev.leadtrail.org.OrgId;
import dev.leadtrail.storage.Database;
import dev.leadtrail.user.UserId;
import dev.leadtrail.user.UserService;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Issues and revokes key pairs. Thread-safe. */
public final class ApiKeyService {

  private static final int SECRET_BYTES = 20;
  private static final Pattern ISSUED_SECRET =
      Pattern.compile("[0-9a-f]{" + SECRET_BYTES * 2 + "}");

  private final Database database;
  private final ApiKeyRepository keys;
  private final UserService users;
  private final SecretHasher hasher;
  private final Clock clock;
  private final Runnable accessChanged;
  private final SecureRandom random = new SecureRandom();

  ApiKeyService(
      Database database,
      ApiKeyRepository keys,
      UserService users,
      SecretHasher hasher,
      Clock clock,
      Runnable accessChanged) {
    this.database = database;
    this.keys = keys;
    this.users = users;
    this.hasher = hasher;
    this.clock = clock;
    this.accessChanged = accessChanged;
  }

  /** A new random key pair for an active user of the organisation. */
  public IssuedKey issue(OrgId orgId, UserId userId) {
    var key = new IssuedKey("lt_" + randomHex(16), randomHex(SECRET_BYTES));
    return store(orgId, userId, key, hasher.hashRandom(key.secretKey()));
  }

  /**
   * Stores the given key pair (the demo organisation's fixed keys use this). A chosen secret may be
   * guessable, so it is stored under the slow hash.
   */
  public IssuedKey issue(OrgId orgId, UserId userId, IssuedKey key) {
    return store(orgId, userId, key, hasher.hash(key.secretKey()));
  }

  private IssuedKey store(OrgId orgId, UserId userId, IssuedKey key, String secretHash) {
    database.write(
        () -> {
          var user =
              users
                  .find(orgId, userId)
                  .orElseThrow(
                      () ->
                          new RuleViolationException(
                              ErrorType.INVALID_ENTITY,
                              "User " + userId + " does not exist in organisation " + orgId));
          if (!user.active()) {
            throw new RuleViolationException(
                ErrorType.INVALID_ENTITY, "User " + userId + " is deactivated");
          }
          database.writeUnique(
              () -> keys.insert(orgId, userId, key.accessKey(), secretHash, clock.instant()),
              () -> "Access key " + key.accessKey() + " already exists");
          return null;
        });
    return key;
  }

  public boolean isLive(OrgId orgId, String accessKey) {
    return database.read(() -> keys.isLive(orgId, accessKey));
  }

  /** Revokes a live key of the organisation; false if it has none by that name. */
  public boolean revoke(OrgId orgId, String accessKey) {
    boolean revoked = database.write(() -> keys.revoke(orgId, accessKey, clock.instant()));
    accessChanged.run();
    return revoked;
  }

  /** Whether a secret has the form of one this service draws (and so its 160 random bits). */
  static boolean looksIssued(String secret) {
    return ISSUED_SECRET.matcher(secret).matches();
  }

  private String randomHex(int bytes) {
    byte[] buffer = new byte[bytes];
    random.nextBytes(buffer);
    return HexFormat.of().formatHex(buffer);
  }
}
