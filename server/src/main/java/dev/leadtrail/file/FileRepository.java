package dev.leadtrail.file;

import dev.leadtrail.org.OrgId;
import dev.leadtrail.storage.Database;
import dev.leadtrail.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Stores files: what is known of each, and its bytes when they are kept in the database. Every
 * query is of one organisation; an expired file is not found. Stateless and thread-safe.
 */
final class FileRepository {

  private static final String COLUMNS =
      """
      org_id, name, original_name, content_type, size_bytes, sha256, file_type, entity,
      event_code, schema_name, expires_at, created_at, created_by\
      """;

  private static final String INSERT =
      """
      INSERT INTO files (org_id, name, original_name, content_type, size_bytes, sha256, file_type,
                         entity, event_code, schema_name, expires_at, created_at, created_by,
                         content)
      VALUES (:orgId, :name, :originalName, :contentType, :sizeBytes, :sha256, :fileType,
              :entity, :eventCode, :schemaName, :expiresAt, :createdAt, :createdBy, :content)\
      """;

  private static final String LIVE = "(expires_at IS NULL OR expires_at > :now)";

  private static final String FIND =
      "SELECT " + COLUMNS + " FROM files WHERE org_id = :orgId AND name = :name AND " + LIVE;

  private static final String CONTENT =
      "SELECT content FROM files WHERE org_id = :orgId AND name = :name AND " + LIVE;

  private static final String PRESENT =
      "SELECT name FROM files WHERE org_id = :orgId AND name IN (<names>) AND " + LIVE;

  private static final String MAKE_PERMANENT =
      "UPDATE files SET expires_at = NULL WHERE org_id = :orgId AND name = :name";

  private static final String EXPIRED =
      "SELECT " + COLUMNS + " FROM files WHERE expires_at <= :now ORDER BY expires_at LIMIT :limit";

  private static final String DELETE =
      "DELETE FROM files WHERE org_id = :orgId AND name = :name AND expires_at <= :now";

  private static final RowMapper<StoredFile> ROW = (rs, ctx) -> map(rs);

  private final Database database;

  FileRepository(Database database) {
    this.database = database;
  }

  /** {@code content} is null when the bytes are kept elsewhere. */
  void insert(StoredFile file, byte[] content) {
    database
        .writeHandle()
        .createUpdate(INSERT)
        .bind("orgId", file.orgId().value())
        .bind("name", file.name())
        .bind("originalName", file.originalName())
        .bind("contentType", file.contentType())
        .bind("sizeBytes", file.sizeBytes())
        .bind("sha256", file.sha256())
        .bind("fileType", file.kind().code())
        .bind("entity", file.entity().code())
        .bind("eventCode", file.eventCode())
        .bind("schemaName", file.schemaName())
        .bind("expiresAt", file.expiresAt() == null ? null : file.expiresAt().toEpochMilli())
        .bind("createdAt", file.createdAt().toEpochMilli())
        .bind("createdBy", file.createdBy().value())
        .bind("content", content)
        .execute();
  }

  Optional<StoredFile> find(OrgId orgId, String name, Instant now) {
    return database
        .handle()
        .createQuery(FIND)
        .bind("orgId", orgId.value())
        .bind("name", name)
        .bind("now", now.toEpochMilli())
        .map(ROW)
        .findOne();
  }

  /** The bytes kept in the database; empty when there are none (or no such file). */
  Optional<byte[]> content(OrgId orgId, String name, Instant now) {
    return database
        .handle()
        .createQuery(CONTENT)
        .bind("orgId", orgId.value())
        .bind("name", name)
        .bind("now", now.toEpochMilli())
        .map((rs, ctx) -> rs.getBytes("content"))
        .findOne();
  }

  /** Which of {@code names} the organisation has. */
  Set<String> present(OrgId orgId, Collection<String> names, Instant now) {
    if (names.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        database
            .handle()
            .createQuery(PRESENT)
            .bind("orgId", orgId.value())
            .bindList("names", names.stream().toList())
            .bind("now", now.toEpochMilli())
            .mapTo(String.class)
            .list());
  }

  void makePermanent(OrgId orgId, String name) {
    database
        .writeHandle()
        .createUpdate(MAKE_PERMANENT)
        .bind("orgId", orgId.value())
        .bind("name", name)
        .execute();
  }

  /** Expired files of every organisation, the longest expired first. */
  List<StoredFile> expired(Instant now, int limit) {
    return database
        .handle()
        .createQuery(EXPIRED)
        .bind("now", now.toEpochMilli())
        .bind("limit", limit)
        .map(ROW)
        .list();
  }

  /** Deletes a file that is still expired at {@code now}. */
  void deleteExpired(StoredFile file, Instant now) {
    database
        .writeHandle()
        .createUpdate(DELETE)
        .bind("orgId", file.orgId().value())
        .bind("name", file.name())
        .bind("now", now.toEpochMilli())
        .execute();
  }

  private static StoredFile map(ResultSet rs) throws SQLException {
    long expiresAt = rs.getLong("expires_at");
    boolean permanent = rs.wasNull();
    int eventCode = rs.getInt("event_code");
    boolean noEventCode = rs.wasNull();
    return new StoredFile(
        new OrgId(rs.getString("org_id")),
        rs.getString("name"),
        rs.getString("original_name"),
        rs.getString("content_type"),
        rs.getLong("size_bytes"),
        rs.getString("sha256"),
        FileKind.ofCode(rs.getInt("file_type")).orElseThrow(),
        FileEntity.ofCode(rs.getInt("entity")).orElseThrow(),
        noEventCode ? null : eventCode,
        rs.getString("schema_name"),
        permanent ? null : Instant.ofEpochMilli(expiresAt),
        Instant.ofEpochMilli(rs.getLong("created_at")),
        new UserId(rs.getString("created_by")));
  }
}
