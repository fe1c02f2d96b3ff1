package dev.leadtrail.file;

import dev.leadtrail.org.OrgId;
import dev.leadtrail.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * A file of an organisation, as stored: {@code name} is Leadtrail's (what File fields hold), {@code
 * originalName} the client's, cleaned. {@code eventCode} is null unless the file was uploaded for
 * an activity type; {@code expiresAt} is null for a permanent file.
 */
public record StoredFile(
    OrgId orgId,
    String name,
    String originalName,
    String contentType,
    long sizeBytes,
    String sha256,
    FileKind kind,
    FileEntity entity,
    Integer eventCode,
    String schemaName,
    Instant expiresAt,
    Instant createdAt,
    UserId createdBy) {

  public StoredFile {
    Objects.requireNonNull(orgId);
    Objects.requireNonNull(name);
    Objects.requireNonNull(originalName);
    Objects.requireNonNull(contentType);
    Objects.requireNonNull(sha256);
    Objects.requireNonNull(kind);
    Objects.requireNonNull(entity);
    Objects.requireNonNull(schemaName);
    Objects.requireNonNull(createdAt);
    Objects.requireNonNull(createdBy);
  }

  boolean expiredAt(Instant now) {
    return expiresAt != null && !expiresAt.isAfter(now);
  }
}
