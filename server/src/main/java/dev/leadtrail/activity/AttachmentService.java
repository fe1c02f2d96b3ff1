package dev.leadtrail.activity;

import dev.leadtrail.activitytype.ActivityType;
import dev.leadtrail.activitytype.ActivityTypeService;
import dev.leadtrail.activitytype.FieldValueChecker;
import dev.leadtrail.error.Echo;
import dev.leadtrail.error.ErrorType;
import dev.leadtrail.error.RuleViolationException;
import dev.leadtrail.file.FileService;
import dev.leadtrail.file.FileService.PreparedFile;
import dev.leadtrail.org.OrgId;
import dev.leadtrail.storage.Database;
import dev.leadtrail.storage.RowLock;
import dev.leadtrail.user.Caller;
import dev.leadtrail.value.Guid;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * Files attached to activities ({@code Attachment/Add}, contract section 8), for types that allow
 * attachments. Thread-safe.
 */
public final class AttachmentService {

  private final Database database;
  private final ActivityRepository activities;
  private final AttachmentRepository attachments;
  private final ActivityTypeService types;
  private final FileService files;
  private final Clock clock;

  public AttachmentService(
      Database database, ActivityTypeService types, FileService files, Clock clock) {
    this.database = database;
    this.activities = new ActivityRepository(database);
    this.attachments = new AttachmentRepository(database);
    this.types = types;
    this.files = files;
    this.clock = clock;
  }

  /**
   * Attaches a stored file, or one fetched now from a URL, to an activity; answers the attachment's
   * id. Nothing is stored unless all of it is.
   */
  public String add(Caller caller, AttachmentDraft draft) {
    OrgId orgId = caller.orgId();
    ActivityType type =
        database.read(
            () -> {
              ActivityRepository.Found found =
                  activities
                      .find(orgId, draft.activityId(), RowLock.NONE)
                      .orElseThrow(() -> ActivityService.unknownActivity(draft.activityId()));
              return types.byId(orgId, found.activity().typeId(), found.typeVersion());
            });
    if (!type.allowAttachments()) {
      throw new RuleViolationException(
          ErrorType.INVALID_ACTIVITY,
          "Activity type " + type.eventCode() + " does not allow attachments.");
    }
    PreparedFile fetched =
        FieldValueChecker.isFileUrl(draft.file())
            ? files.fetch(orgId, caller.userId(), draft.file(), type.eventCode(), "AttachmentFile")
            : null;
    if (fetched == null && files.present(orgId, Set.of(draft.file())).isEmpty()) {
      throw RuleViolationException.invalidInput(
          "AttachmentFile", "No file named " + Echo.quoted(draft.file()) + " is stored.");
    }
    var attachment =
        new Attachment(
            Guid.random(),
            draft.activityId(),
            draft.name().isEmpty() ? draft.file() : draft.name(),
            draft.description(),
            fetched == null ? draft.file() : fetched.name(),
            clock.instant(),
            caller.userId());
    try {
      database.write(
          () -> {
            if (fetched != null) {
              files.insert(fetched);
            } else {
              files.makePermanent(orgId, draft.file());
            }
            attachments.insert(orgId, attachment);
            return attachment;
          });
    } catch (RuntimeException e) {
      if (fetched != null) {
        files.discard(fetched);
      }
      throw e;
    }
    return attachment.id();
  }

  /** The attachments of an activity, oldest first. */
  public List<Attachment> of(TypedActivity typed) {
    var activity = typed.activity();
    return database.read(() -> attachments.ofActivity(activity.orgId(), activity.id()));
  }
}
