package dev.leadtrail.activity;

import dev.leadtrail.activity.ActivityRepository.SortColumn;
import dev.leadtrail.activitytype.ActivityType;
import dev.leadtrail.activitytype.ActivityTypeId;
import dev.leadtrail.activitytype.ActivityTypeService;
import dev.leadtrail.error.ErrorType;
import dev.leadtrail.error.RuleViolationException;
import dev.leadtrail.file.FileService;
import dev.leadtrail.lead.LeadDetails;
import dev.leadtrail.lead.LeadId;
import dev.leadtrail.lead.LeadService;
import dev.leadtrail.lead.SearchBy;
import dev.leadtrail.org.OrgId;
import dev.leadtrail.storage.CheckedWrite;
import dev.leadtrail.storage.Database;
import dev.leadtrail.storage.RowLock;
import dev.leadtrail.user.Caller;
import dev.leadtrail.user.RecentUsers;
import dev.leadtrail.user.User;
import dev.leadtrail.user.UserId;
import dev.leadtrail.value.EmailAddress;
import dev.leadtrail.value.PageRequest;
import dev.leadtrail.webhook.WebhookEvent;
import dev.leadtrail.webhook.WebhookOutbox;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Posts activities on leads and reads them back (contract sections 5.2 to 5.5). Thread-safe. */
public final class ActivityService {

  /** What posting an activity made: the activity, and the lead it is on. */
  public record Posted(ActivityId id, LeadId leadId) {}

  private final Database database;
  private final ActivityRepository activities;
  private final ActivityTypeService types;
  private final LeadService leads;
  private final ActivityFieldValues fieldValues;
  private final RecentUsers users;
  private final FileFields fileFields;
  private final FileFetches fileFetches;
  private final WebhookOutbox outbox;
  private final Clock clock;

  private ActivityService(
      Database database,
      ActivityRepository activities,
      ActivityTypeService types,
      LeadService leads,
      RecentUsers users,
      FileService files,
      FileFetches fileFetches,
      WebhookOutbox outbox,
      Clock clock) {
    this.database = database;
    this.activities = activities;
    this.types = types;
    this.leads = leads;
    this.fieldValues = new ActivityFieldValues(types, users);
    this.users = users;
    this.fileFields = new FileFields(files);
    this.fileFetches = fileFetches;
    this.outbox = outbox;
    this.clock = clock;
  }

  public static ActivityService create(
      Database database,
      ActivityTypeService types,
      LeadService leads,
      RecentUsers users,
      FileService files,
      FileFetches fileFetches,
      WebhookOutbox outbox,
      Clock clock) {
    return new ActivityService(
        database,
        new ActivityRepository(database),
        types,
        leads,
        users,
        files,
        fileFetches,
        outbox,
        clock);
  }

  /**
   * Posts an activity: checked on a read connection, then stored (with its lead, when the lead is
   * named by an email address no lead has yet) in a short write. What the check read needs no
   * version: types and users never change by reading activities, and leads are never removed, so a
   * post checked against a type that changes meanwhile is as if it had been stored just before.
   */
  public Posted post(Caller caller, NewActivity request) {
    requireEventCode(request);
    FileFields.Fetched fetched = fetchAhead(caller, request);
    return fileFields
        .storing(
            fetched,
            () -> database.decideThenStore(checkedPost(caller, request, fetched)),
            StoredPost::files,
            fileFetches::wake)
        .posted();
  }

  /**
   * {@code CreateCustom}: finds the lead by the details' SearchBy and updates it, or creates it,
   * then posts the activity on it, all in one write: when the activity is refused, the lead is
   * neither created nor changed.
   */
  public Posted postWithLead(Caller caller, LeadDetails lead, NewActivity request) {
    requireEventCode(request);
    FileFields.Fetched fetched = fetchAhead(caller, request);
    return fileFields
        .storing(
            fetched,
            () ->
                database.write(
                    () -> {
                      LeadId leadId = leads.createOrUpdate(caller, lead);
                      NewActivity onLead =
                          NewActivityBuilder.builder(request).leadId(leadId).build();
                      return database.decideThenStore(checkedPost(caller, onLead, fetched));
                    }),
            StoredPost::files,
            fileFetches::wake)
        .posted();
  }

  /** Posts each activity on its own, in order (see {@link BulkItems}). */
  public List<BulkItems.Outcome<Posted>> postEach(
      Caller caller, List<Supplier<NewActivity>> requests) {
    return BulkItems.each(
        caller.orgId(),
        requests.stream()
            .<Supplier<Posted>>map(request -> () -> post(caller, request.get()))
            .toList());
  }

  /** The lead an item of a bulk post by lead field names; none is an invalid entity. */
  public LeadId leadBy(OrgId orgId, SearchBy searchBy, String value) {
    return leads.requireLeadBy(orgId, searchBy, value).id();
  }

  private static void requireEventCode(NewActivity request) {
    if (request.eventCode() == null) {
      throw new RuleViolationException(
          ErrorType.INVALID_ACTIVITY, "Event Code is invalid or empty.");
    }
  }

  private CheckedWrite<CheckedPost, StoredPost> checkedPost(
      Caller caller, NewActivity request, FileFields.Fetched fetched) {
    return new CheckedWrite<>() {
      @Override
      public CheckedPost decide(RowLock lock) {
        return check(caller, request, fetched);
      }

      @Override
      public Optional<StoredPost> store(CheckedPost post) {
        return Optional.of(ActivityService.this.store(caller, request, post));
      }
    };
  }

  /** A post as stored, with the files its File fields brought. */
  private record StoredPost(Posted posted, FileFields.Resolved files) {}

  /** Fetches the URLs the post's File fields name, when they are to be fetched before it. */
  private FileFields.Fetched fetchAhead(Caller caller, NewActivity request) {
    if (request.processFilesAsync() || !FileFields.mayNameUrls(request.fields())) {
      return FileFields.Fetched.NONE;
    }
    ActivityType type = database.read(() -> types.byEventCode(caller.orgId(), request.eventCode()));
    return fileFields.fetchAhead(caller.orgId(), caller.userId(), type, request.fields(), false);
  }

  /**
   * A post as checked: its type, its values, and its lead, named by id ({@code leadId}) or by an
   * email address that may name no lead yet ({@code leadEmail}).
   */
  private record CheckedPost(
      ActivityType type,
      Map<String, String> given,
      FileFields.Resolved files,
      LeadId leadId,
      EmailAddress leadEmail) {}

  private CheckedPost check(Caller caller, NewActivity request, FileFields.Fetched fetched) {
    ActivityType type = types.byEventCode(caller.orgId(), request.eventCode());
    if (!type.active()) {
      throw new RuleViolationException(
          ErrorType.INVALID_ACTIVITY,
          "Event Code is invalid or empty: " + type.eventCode() + " is inactive.");
    }
    Map<String, String> checked =
        fieldValues.check(
            caller.orgId(), type, request.note(), request.fields(), request.skipOptionCheck());
    FileFields.Resolved files =
        fileFields.resolve(caller.orgId(), type, checked, fetched, request.processFilesAsync());
    if (request.leadId() == null) {
      return new CheckedPost(type, files.values(), files, null, leadEmail(request));
    }
    return new CheckedPost(
        type,
        files.values(),
        files,
        leads.requireLead(caller.orgId(), request.leadId()).id(),
        null);
  }

  private StoredPost store(Caller caller, NewActivity request, CheckedPost post) {
    LeadId leadId =
        post.leadId() != null
            ? post.leadId()
            : leads.findOrCreate(caller, post.leadEmail(), request.leadAttributes());
    var activity =
        Activity.post(
            caller.orgId(),
            request.id() == null ? ActivityId.random() : request.id(),
            leadId,
            post.type(),
            post.given(),
            request.activityAt(),
            caller.userId(),
            clock.instant());
    activities.insert(activity);
    fileFields.insert(post.files().newFiles());
    fileFetches.addAll(activity, post.files().fetches(), caller.userId());
    leads.addScore(caller.orgId(), leadId, post.type().score());
    WebhookOutbox.Owed owed =
        outbox.owed(
            caller.orgId(),
            WebhookEvent.ACTIVITY_CREATE,
            activity.eventCode(),
            activity.id().value(),
            () -> ActivityWebhookPayload.created(new TypedActivity(activity, post.type())));
    outbox.add(owed);
    return new StoredPost(new Posted(activity.id(), leadId), post.files());
  }

  /**
   * How the fetches of URLs in the activity's File fields stand, by field: {@code Pending}, or
   * {@code Failed: <why>} after the last try; fields with no fetch are left out.
   */
  public Map<String, String> fileStatuses(TypedActivity typed) {
    if (!typed.holdsFileUrls()) {
      return Map.of();
    }
    Map<String, String> statuses = new LinkedHashMap<>();
    for (FileFetchRepository.Row fetch : fileFetches.ofActivity(typed)) {
      String status = fetch.failed() ? "Failed: " + fetch.lastError() : "Pending";
      String field = FileFields.fieldOf(fetch.target());
      statuses.merge(field, status, (a, b) -> a.startsWith("Failed") ? a : b);
    }
    return statuses;
  }

  /** One activity with its type; an unknown id is an unknown prospect activity. */
  public TypedActivity details(OrgId orgId, ActivityId id) {
    return find(orgId, id).orElseThrow(() -> unknownActivity(id));
  }

  public Optional<TypedActivity> find(OrgId orgId, ActivityId id) {
    return database.read(
        () ->
            activities
                .find(orgId, id, RowLock.NONE)
                .map(found -> new TypedActivity(found.activity(), fieldValues.typeOf(found))));
  }

  /** A lead's activities, newest first; a lead outside the organisation has none. */
  public Page<TypedActivity> forLead(OrgId orgId, LeadActivitiesQuery query) {
    return database.read(
        () -> {
          Page<Activity> page =
              activities.forLead(orgId, query.leadId(), query.eventCode(), query.page());
          return typed(orgId, page);
        });
  }

  /** Activities of one type modified (or created) within the query's window. */
  public Page<TypedActivity> ofType(OrgId orgId, TypeQuery query) {
    return modifiedWithin(
        orgId,
        query.eventCode(),
        query.from(),
        query.to(),
        query.byCreatedOn(),
        query.newestFirst(),
        query.page());
  }

  /** Activities of every type (or one) modified within the query's window. */
  public Page<TypedActivity> recentlyModified(OrgId orgId, RecentQuery query) {
    return modifiedWithin(
        orgId,
        query.eventCode(),
        query.from(),
        query.to(),
        query.byCreatedOn(),
        query.newestFirst(),
        query.page());
  }

  private Page<TypedActivity> modifiedWithin(
      OrgId orgId,
      Integer eventCode,
      Instant from,
      Instant to,
      boolean byCreatedOn,
      boolean newestFirst,
      PageRequest page) {
    if (from.isAfter(to)) {
      throw RuleViolationException.invalidInput("FromDate", "FromDate is after ToDate.");
    }
    return database.read(
        () -> {
          if (eventCode != null) {
            types.byEventCode(orgId, eventCode);
          }
          Page<Activity> found =
              activities.modifiedWithin(
                  orgId,
                  eventCode,
                  from,
                  to,
                  byCreatedOn ? SortColumn.CREATED_ON : SortColumn.MODIFIED_ON,
                  newestFirst,
                  page);
          return typed(orgId, found);
        });
  }

  /** The names of users, as reads show who created or changed something; "" for none. */
  public String userName(OrgId orgId, UserId id) {
    return users.find(orgId, id.value()).map(User::name).orElse("");
  }

  private Page<TypedActivity> typed(OrgId orgId, Page<Activity> page) {
    if (page.items().isEmpty()) {
      return new Page<>(page.total(), List.of());
    }
    Map<ActivityTypeId, ActivityType> byId =
        types.list(orgId).stream().collect(Collectors.toMap(ActivityType::id, Function.identity()));
    return new Page<>(
        page.total(),
        page.items().stream().map(a -> new TypedActivity(a, byId.get(a.typeId()))).toList());
  }

  /** The email address that names the post's lead when no lead id does. */
  private static EmailAddress leadEmail(NewActivity request) {
    if (request.leadEmail() == null || request.leadEmail().isBlank()) {
      throw RuleViolationException.invalidInput(
          "RelatedProspectId", "Name the lead by RelatedProspectId or by EmailAddress.");
    }
    return EmailAddress.parse(request.leadEmail())
        .orElseThrow(
            () -> RuleViolationException.invalidInput("EmailAddress", "Not an email address."));
  }

  static RuleViolationException unknownActivity(ActivityId id) {
    return new RuleViolationException(
        ErrorType.UNKNOWN_PROSPECT_ACTIVITY, "No activity " + id + " exists in the system.");
  }
}
