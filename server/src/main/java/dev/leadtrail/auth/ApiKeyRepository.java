package dev.leadtrail.auth;

import dev.leadtrail.org.OrgId;
import dev.leadtrail.storage.Database;
import dev.leadtrail.user.UserId;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Stores key pairs. Stateless and thread-safe. */
final class ApiKeyRepository {

  /** A live key and whose it is; the secret is only there as a hash. */
  record StoredKey(OrgId orgId, UserId userId, String secretHash) {}

  private static final String INSERT =
      """
      INSERT INTO api_keys (access_key, org_id, user_id, secret_hash, created_at)
      VALUES (:accessKey, :orgId, :userId, :secretHash, :createdAt)\
      """;

  // The one query not scoped by organisation: the access key is what tells the organisation.
  private static final String FIND_LIVE =
      """
      SELECT org_id, user_id, secret_hash FROM api_keys
       WHERE access_key = :accessKey AND revoked_at IS NULL\
      """;

  private static final String IS_LIVE =
      """
      SELECT COUNT(*) FROM api_keys
       WHERE org_id = :orgId AND access_key = :accessKey AND revoked_at IS NULL\
      """;

  private static final String REVOKE =
      """
      UPDATE api_keys SET revoked_at = :now
       WHERE org_id = :orgId AND access_key = :accessKey AND revoked_at IS NULL\
      """;

  private static final String REPLACE_HASH =
      """
      UPDATE api_keys SET secret_hash = :newHash
       WHERE access_key = :accessKey AND secret_hash = :oldHash\
      """;

  private final Database database;

  ApiKeyRepository(Database database) {
    this.database = database;
  }

  void insert(OrgId orgId, UserId userId, String accessKey, String secretHash, Instant now) {
    Handle handle = database.writeHandle();
    handle
        .createUpdate(INSERT)
        .bind("accessKey", accessKey)
        .bind("orgId", orgId.value())
        .bind("userId", userId.value())
        .bind("secretHash", secretHash)
        .bind("createdAt", now.toEpochMilli())
        .execute();
  }

  Optional<StoredKey> findLive(String accessKey) {
    Handle handle = database.handle();
    return handle
        .createQuery(FIND_LIVE)
        .bind("accessKey", accessKey)
        .map(
            (rs, ctx) ->
                new StoredKey(
                    new OrgId(rs.getString("org_id")),
                    new UserId(rs.getString("user_id")),
                    rs.getString("secret_hash")))
        .findOne();
  }

  /** Stores a key's secret under another hash, unless its hash changed meanwhile. */
  void replaceHash(String accessKey, String oldHash, String newHash) {
    Handle handle = database.writeHandle();
    handle
        .createUpdate(REPLACE_HASH)
        .bind("accessKey", accessKey)
        .bind("oldHash", oldHash)
        .bind("newHash", newHash)
        .execute();
  }

  boolean isLive(OrgId orgId, String accessKey) {
    Handle handle = database.handle();
    return handle
            .createQuery(IS_LIVE)
            .bind("orgId", orgId.value())
            .bind("accessKey", accessKey)
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  boolean revoke(OrgId orgId, String accessKey, Instant now) {
    Handle handle = database.writeHandle();
    return handle
            .createUpdate(REVOKE)
            .bind("orgId", orgId.value())
            .bind("accessKey", accessKey)
            .bind("now", now.toEpochMilli())
            .execute()
        == 1;
  }
}
