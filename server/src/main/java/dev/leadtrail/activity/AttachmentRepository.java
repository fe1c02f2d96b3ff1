package dev.leadtrail.activity;

import dev.leadtrail.org.OrgId;
import dev.leadtrail.storage.Database;
import dev.leadtrail.user.UserId;
import java.time.Instant;
import java.util.List;

/** Stores activities' attachments, each query of one organisation. Stateless and thread-safe. */
final class AttachmentRepository {

  private static final String INSERT =
      """
      INSERT INTO activity_attachments (org_id, id, activity_id, name, description, file_name,
                                        created_at, created_by)
      VALUES (:orgId, :id, :activityId, :name, :description, :fileName, :createdAt, :createdBy)\
      """;

  private static final String OF_ACTIVITY =
      """
      SELECT id, activity_id, name, description, file_name, created_at, created_by
        FROM activity_attachments
       WHERE org_id = :orgId AND activity_id = :activityId
       ORDER BY created_at, id\
      """;

  private final Database database;

  AttachmentRepository(Database database) {
    this.database = database;
  }

  void insert(OrgId orgId, Attachment attachment) {
    database
        .writeHandle()
        .createUpdate(INSERT)
        .bind("orgId", orgId.value())
        .bind("id", attachment.id())
        .bind("activityId", attachment.activityId().value())
        .bind("name", attachment.name())
        .bind("description", attachment.description())
        .bind("fileName", attachment.fileName())
        .bind("createdAt", attachment.createdAt().toEpochMilli())
        .bind("createdBy", attachment.createdBy().value())
        .execute();
  }

  List<Attachment> ofActivity(OrgId orgId, ActivityId activityId) {
    return database
        .handle()
        .createQuery(OF_ACTIVITY)
        .bind("orgId", orgId.value())
        .bind("activityId", activityId.value())
        .map(
            (rs, ctx) ->
                new Attachment(
                    rs.getString("id"),
                    new ActivityId(rs.getString("activity_id")),
                    rs.getString("name"),
                    rs.getString("description"),
                    rs.getString("file_name"),
                    Instant.ofEpochMilli(rs.getLong("created_at")),
                    new UserId(rs.getString("created_by"))))
        .list();
  }
}
