package dev.leadtrail.auth;

import dev.leadtrail.org.OrgId;
import dev.leadtrail.org.OrganisationRepository;
import dev.leadtrail.user.Caller;
import dev.leadtrail.user.UserId;
import dev.leadtrail.user.UserRepository;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Stores key pairs. Stateless and thread-safe. */
final class ApiKeyRepository {

  /** A live key with its holder; the secret is only there as a hash. */
  record StoredKey(String secretHash, Caller holder) {}

  private static final String INSERT =
      """
      INSERT INTO api_keys (access_key, org_id, user_id, secret_hash, created_at)
      VALUES (:accessKey, :orgId, :userId, :secretHash, :createdAt)\
      """;

  // The one query not scoped by organisation: the access key is what tells the organisation.
  private static final String FIND_LIVE =
      "SELECT k.secret_hash, "
          + OrganisationRepository.COLUMNS
          + ", "
          + UserRepository.COLUMNS
          + """

           FROM api_keys k
           JOIN organisations o ON o.id = k.org_id
           JOIN users u ON u.org_id = k.org_id AND u.id = k.user_id
          WHERE k.access_key = :accessKey AND k.revoked_at IS NULL\
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

  void insert(
      Handle handle, OrgId orgId, UserId userId, String accessKey, String secretHash, Instant now) {
    handle
        .createUpdate(INSERT)
        .bind("accessKey", accessKey)
        .bind("orgId", orgId.value())
        .bind("userId", userId.value())
        .bind("secretHash", secretHash)
        .bind("createdAt", now.toEpochMilli())
        .execute();
  }

  Optional<StoredKey> findLive(Handle handle, String accessKey) {
    return handle
        .createQuery(FIND_LIVE)
        .bind("accessKey", accessKey)
        .map(
            (rs, ctx) ->
                new StoredKey(
                    rs.getString("secret_hash"),
                    new Caller(OrganisationRepository.map(rs), UserRepository.map(rs))))
        .findOne();
  }

  /** Stores a key's secret under another hash, unless its hash changed meanwhile. */
  void replaceHash(Handle handle, String accessKey, String oldHash, String newHash) {
    handle
        .createUpdate(REPLACE_HASH)
        .bind("accessKey", accessKey)
        .bind("oldHash", oldHash)
        .bind("newHash", newHash)
        .execute();
  }

  boolean isLive(Handle handle, OrgId orgId, String accessKey) {
    return handle
            .createQuery(IS_LIVE)
            .bind("orgId", orgId.value())
            .bind("accessKey", accessKey)
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  boolean revoke(Handle handle, OrgId orgId, String accessKey, Instant now) {
    return handle
            .createUpdate(REVOKE)
            .bind("orgId", orgId.value())
            .bind("accessKey", accessKey)
            .bind("now", now.toEpochMilli())
            .execute()
        == 1;
  }
}
