package dev.leadtrail.activity;

import dev.leadtrail.activity.ActivityRepository.StoredChange;
import dev.leadtrail.activitytype.ActivityType;
import dev.leadtrail.activitytype.ActivityTypeService;
import dev.leadtrail.activitytype.SystemFields;
import dev.leadtrail.error.ErrorType;
import dev.leadtrail.error.LeadtrailException;
import dev.leadtrail.error.RuleViolationException;
import dev.leadtrail.file.FileService;
import dev.leadtrail.org.OrgId;
import dev.leadtrail.storage.CheckedWrite;
import dev.leadtrail.storage.Database;
import dev.leadtrail.storage.RowLock;
import dev.leadtrail.user.Caller;
import dev.leadtrail.user.RecentUsers;
import dev.leadtrail.webhook.WebhookEvent;
import dev.leadtrail.webhook.WebhookOutbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Updates posted activities, alone or in bulk, and reads their change history (contract sections
 * 5.1, 5.6 and 5.7). Thread-safe.
 */
public final class ActivityUpdateService {

  /** One item of a bulk update: the id as sent, and the update, read when it is applied. */
  public record BulkItem(String prospectActivityId, Supplier<ActivityUpdate> update) {}

  /** How one item of a bulk update went: {@code failure} is null when it was applied. */
  public record BulkOutcome(String prospectActivityId, LeadtrailException failure) {}

  /**
   * An update as decided: the change, the files and fetches its File fields bring, and the webhook
   * events it owes.
   */
  private record UpdateDecision(
      StoredChange change, FileFields.Resolved files, WebhookOutbox.Owed owed) {}

  /**
   * Where a fetched file goes: the change that puts it in its field (with the webhook events it
   * owes), or none if it is not wanted.
   */
  private record FetchedDecision(Optional<StoredChange> change, WebhookOutbox.Owed owed) {}

  private final Database database;
  private final ActivityRepository activities;
  private final ActivityFieldValues fieldValues;
  private final FileFields fileFields;
  private final FileFetches fileFetches;
  private final WebhookOutbox outbox;
  private final Clock clock;
  private final Counter updated;
  private final Counter retries;

  private ActivityUpdateService(
      Database database,
      ActivityRepository activities,
      ActivityFieldValues fieldValues,
      FileFields fileFields,
      FileFetches fileFetches,
      WebhookOutbox outbox,
      Clock clock,
      MeterRegistry metrics) {
    this.database = database;
    this.activities = activities;
    this.fieldValues = fieldValues;
    this.fileFields = fileFields;
    this.fileFetches = fileFetches;
    this.outbox = outbox;
    this.clock = clock;
    this.updated =
        Counter.builder("leadtrail.activity.updates")
            .description("Activity updates committed")
            .register(metrics);
    this.retries =
        Counter.builder("leadtrail.activity.update.retries")
            .description("Updates worked out again because their activity changed meanwhile")
            .register(metrics);
  }

  public static ActivityUpdateService create(
      Database database,
      ActivityTypeService types,
      RecentUsers users,
      FileService files,
      FileFetches fileFetches,
      WebhookOutbox outbox,
      Clock clock,
      MeterRegistry metrics) {
    return new ActivityUpdateService(
        database,
        new ActivityRepository(database),
        new ActivityFieldValues(types, users),
        new FileFields(files),
        fileFetches,
        outbox,
        clock,
        metrics);
  }

  /** Starts running the fetches of URLs named with {@code ProcessFilesAsync}, on every instance. */
  public void runFileFetches() {
    fileFetches.start(this::storeFetched);
  }

  /**
   * Updates the note and fields of one activity, all or nothing, recording each changed value.
   *
   * <p>The update is worked out on a read connection (the reads and every check), then stored only
   * if the activity is still at the version read, so that the single SQLite writer does nothing but
   * store; a concurrent update of the same activity makes it work the update out again (see {@link
   * Database#decideThenStore}), so neither update loses the other's changes. The activity's version
   * is the only one checked: the type and the users it was checked against never change by reading
   * activities, so an update checked against a type that changes meanwhile is as if it had been
   * stored just before that change.
   */
  public ActivityId update(Caller caller, ActivityUpdate update) {
    FileFields.Fetched fetched = fetchAhead(caller, update);
    UpdateDecision stored =
        fileFields.storing(
            fetched,
            () ->
                database.decideThenStore(
                    new CheckedWrite<UpdateDecision, UpdateDecision>() {
                      @Override
                      public UpdateDecision decide(RowLock lock) {
                        return workOut(caller, update, lock, fetched);
                      }

                      @Override
                      public Optional<UpdateDecision> store(UpdateDecision decision) {
                        if (!activities.updateAndRecord(decision.change())) {
                          return Optional.empty();
                        }
                        fileFields.insert(decision.files().newFiles());
                        fileFetches.addAll(
                            decision.change().after(), decision.files().fetches(), caller.userId());
                        outbox.add(decision.owed());
                        return Optional.of(decision);
                      }

                      @Override
                      public boolean storesInOneStatement(UpdateDecision decision) {
                        return !decision.files().storesFiles()
                            && decision.owed().isNone()
                            && activities.storesChangeInOneStatement();
                      }

                      @Override
                      public void changedMeanwhile() {
                        retries.increment();
                      }
                    }),
            UpdateDecision::files,
            fileFetches::wake);
    updated.increment();
    return stored.change().after().id();
  }

  /** Fetches the URLs the update's File fields name, when they are to be fetched before it. */
  private FileFields.Fetched fetchAhead(Caller caller, ActivityUpdate update) {
    if (update.processFilesAsync() || !FileFields.mayNameUrls(update.fields())) {
      return FileFields.Fetched.NONE;
    }
    return database
        .read(
            () ->
                activities.find(caller.orgId(), update.id(), RowLock.NONE).map(fieldValues::typeOf))
        .map(
            type ->
                fileFields.fetchAhead(
                    caller.orgId(), caller.userId(), type, update.fields(), false))
        .orElse(FileFields.Fetched.NONE);
  }

  /**
   * Puts a fetched file in the field that named its URL, as a change by the system, and ends the
   * fetch; a field that no longer holds the URL is left as it is.
   */
  private void storeFetched(FileFetchRepository.Row row, FileService.PreparedFile file) {
    FetchedDecision stored =
        database.decideThenStore(
            new CheckedWrite<FetchedDecision, FetchedDecision>() {
              @Override
              public FetchedDecision decide(RowLock lock) {
                return placeFetched(row, file, lock);
              }

              @Override
              public Optional<FetchedDecision> store(FetchedDecision decision) {
                if (decision.change().isPresent()) {
                  if (!activities.updateAndRecord(decision.change().get())) {
                    return Optional.empty();
                  }
                  fileFields.insert(List.of(file));
                  outbox.add(decision.owed());
                }
                fileFetches.done(row);
                return Optional.of(decision);
              }
            });
    if (stored.change().isEmpty()) {
      fileFields.discard(file);
    }
  }

  private FetchedDecision placeFetched(
      FileFetchRepository.Row row, FileService.PreparedFile file, RowLock lock) {
    Optional<ActivityRepository.Found> found = activities.find(row.orgId(), row.activityId(), lock);
    if (found.isEmpty()) {
      return new FetchedDecision(Optional.empty(), WebhookOutbox.Owed.NONE);
    }
    Activity old = found.get().activity();
    Instant now = clock.instant();
    Optional<Map<String, String>> placed =
        FileFields.placed(
            old.fieldValues(), row.target(), row.url(), file.name(), FileFetches.SYSTEM_NAME, now);
    if (placed.isEmpty()) {
      return new FetchedDecision(Optional.empty(), WebhookOutbox.Owed.NONE);
    }
    ActivityType type = fieldValues.typeOf(found.get());
    Activity changed = old.apply(type, placed.get(), FileFetches.SYSTEM, now);
    List<ActivityChange> changes = changes(old, changed);
    return new FetchedDecision(
        Optional.of(StoredChange.of(changed, old.version(), changes)),
        owedFor(type, changed, changes));
  }

  private UpdateDecision workOut(
      Caller caller, ActivityUpdate update, RowLock lock, FileFields.Fetched fetched) {
    ActivityRepository.Found found =
        activities
            .find(caller.orgId(), update.id(), lock)
            .orElseThrow(() -> ActivityService.unknownActivity(update.id()));
    Activity old = found.activity();
    if (update.eventCode() != null && update.eventCode() != old.eventCode()) {
      throw new RuleViolationException(
          ErrorType.INVALID_ACTIVITY,
          "Event Code "
              + update.eventCode()
              + " does not match the activity's, "
              + old.eventCode()
              + ".");
    }
    ActivityType type = fieldValues.typeOf(found);
    Map<String, String> given =
        fieldValues.check(
            caller.orgId(), type, update.note(), update.fields(), update.skipOptionCheck());
    FileFields.Resolved files =
        fileFields.resolve(caller.orgId(), type, given, fetched, update.processFilesAsync());
    Instant now = clock.instant();
    Map<String, String> values =
        CustomFieldSets.merged(type, old.fieldValues(), files.values(), caller.user().name(), now);
    Activity changed = old.apply(type, values, caller.userId(), now);
    List<ActivityChange> changes = changes(old, changed);
    return new UpdateDecision(
        StoredChange.of(changed, old.version(), changes), files, owedFor(type, changed, changes));
  }

  /** The webhook events an update owes, with its changes as Before and After. */
  private WebhookOutbox.Owed owedFor(
      ActivityType type, Activity changed, List<ActivityChange> changes) {
    return outbox.owed(
        changed.orgId(),
        WebhookEvent.ACTIVITY_UPDATE,
        changed.eventCode(),
        changed.id().value(),
        () -> ActivityWebhookPayload.updated(new TypedActivity(changed, type), changes));
  }

  /** Applies each item of a bulk update on its own, in order (see {@link BulkItems}). */
  public List<BulkOutcome> updateEach(Caller caller, List<BulkItem> items) {
    List<BulkItems.Outcome<ActivityId>> outcomes =
        BulkItems.each(
            caller.orgId(),
            items.stream()
                .<Supplier<ActivityId>>map(item -> () -> update(caller, item.update().get()))
                .toList());
    List<BulkOutcome> results = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      results.add(new BulkOutcome(items.get(i).prospectActivityId(), outcomes.get(i).failure()));
    }
    return results;
  }

  /** One change per value that differs, system fields first. */
  private static List<ActivityChange> changes(Activity before, Activity after) {
    Map<String, String[]> pairs = new LinkedHashMap<>();
    pairs.put(SystemFields.NOTE, new String[] {before.note(), after.note()});
    pairs.put(SystemFields.STATUS, new String[] {before.status(), after.status()});
    pairs.put(SystemFields.OWNER, new String[] {before.owner().value(), after.owner().value()});
    new TreeSet<>(unionOfKeys(before.fieldValues(), after.fieldValues()))
        .forEach(
            name ->
                pairs.put(
                    name,
                    new String[] {
                      before.fieldValues().getOrDefault(name, ""),
                      after.fieldValues().getOrDefault(name, "")
                    }));
    List<ActivityChange> changes = new ArrayList<>();
    pairs.forEach(
        (field, pair) -> {
          if (!pair[0].equals(pair[1])) {
            changes.add(
                new ActivityChange(
                    after.id(),
                    after.version(),
                    field,
                    pair[0],
                    pair[1],
                    after.modifiedAt(),
                    after.modifiedBy()));
          }
        });
    return changes;
  }

  private static Set<String> unionOfKeys(Map<String, String> a, Map<String, String> b) {
    var keys = new HashSet<>(a.keySet());
    keys.addAll(b.keySet());
    return keys;
  }

  /** The change history of the activities the query names, a page of activities at a time. */
  public Page<ActivityHistory> history(OrgId orgId, ChangeQuery query) {
    if (query.from().isAfter(query.to())) {
      throw RuleViolationException.invalidInput("FromDate", "FromDate is after ToDate.");
    }
    return database.read(
        () -> {
          Page<ActivityId> ids =
              activities.changedWithin(
                  orgId,
                  query.from(),
                  query.to(),
                  query.activityId(),
                  query.eventCodes(),
                  query.page());
          Map<ActivityId, Activity> found =
              activities.findAll(orgId, ids.items()).stream()
                  .collect(Collectors.toMap(Activity::id, Function.identity()));
          Map<ActivityId, List<ActivityChange>> changes =
              activities.changesOf(orgId, ids.items(), query.from(), query.to()).stream()
                  .collect(Collectors.groupingBy(ActivityChange::activityId));
          return new Page<>(
              ids.total(),
              ids.items().stream()
                  .map(
                      id -> new ActivityHistory(found.get(id), changes.getOrDefault(id, List.of())))
                  .toList());
        });
  }
}
