package dev.leadtrail.activity;

import dev.leadtrail.activity.ActivityRepository.SortColumn;
import dev.leadtrail.activitytype.ActivityType;
import dev.leadtrail.activitytype.ActivityTypeId;
import dev.leadtrail.activitytype.ActivityTypeService;
import dev.leadtrail.activitytype.FieldDefinition;
import dev.leadtrail.activitytype.FieldValueChecker;
import dev.leadtrail.activitytype.SystemFields;
import dev.leadtrail.auth.Caller;
import dev.leadtrail.error.ErrorType;
import dev.leadtrail.error.LeadtrailException;
import dev.leadtrail.error.RuleViolationException;
import dev.leadtrail.lead.LeadId;
import dev.leadtrail.lead.LeadService;
import dev.leadtrail.org.OrgId;
import dev.leadtrail.storage.Database;
import dev.leadtrail.storage.RowLock;
import dev.leadtrail.user.User;
import dev.leadtrail.user.UserId;
import dev.leadtrail.user.UserRepository;
import dev.leadtrail.value.EmailAddress;
import dev.leadtrail.value.Guid;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/** Posts activities on leads and reads them back (contract sections 5.2 to 5.5). Thread-safe. */
public final class ActivityService {

  /** What posting an activity made: the activity, and the lead it is on. */
  public record Posted(ActivityId id, LeadId leadId) {}

  /** The most items one bulk update takes (contract section 5.7). */
  public static final int MAX_BULK_ITEMS = 25;

  /** One item of a bulk update: the id as sent, and the update, read when it is applied. */
  public record BulkItem(String prospectActivityId, Supplier<ActivityUpdate> update) {}

  /** How one item of a bulk update went: {@code failure} is null when it was applied. */
  public record BulkOutcome(String prospectActivityId, LeadtrailException failure) {}

  /** Which changes a history read covers: one activity, or the activities of some types. */
  public record ChangeQuery(
      Instant from, Instant to, ActivityId activityId, List<Integer> eventCodes, int pageIndex, int pageSize) {

    public ChangeQuery {
      eventCodes = eventCodes == null ? List.of() : List.copyOf(eventCodes);
    }
  }

  /** How a list of one type's activities is cut and ordered. */
  public record TypeQuery(
      int eventCode, Instant from, Instant to, boolean byCreatedOn, boolean newestFirst, int pageIndex, int pageSize) {}

  private final Database database;
  private final ActivityRepository activities;
  private final ActivityTypeService types;
  private final LeadService leads;
  private final UserRepository users;
  private final FieldValueChecker checker = new FieldValueChecker();
  private final Clock clock;

  private ActivityService(
      Database database,
      ActivityRepository activities,
      ActivityTypeService types,
      LeadService leads,
      UserRepository users,
      Clock clock) {
    this.database = database;
    this.activities = activities;
    this.types = types;
    this.leads = leads;
    this.users = users;
    this.clock = clock;
  }

  public static ActivityService create(
      Database database,
      ActivityTypeService types,
      LeadService leads,
      UserRepository users,
      Clock clock) {
    return new ActivityService(
        database, new ActivityRepository(database.dialect()), types, leads, users, clock);
  }

  public Posted post(Caller caller, NewActivity request) {
    if (request.eventCode() == null) {
      throw new RuleViolationException(ErrorType.INVALID_ACTIVITY, "Event Code is invalid or empty.");
    }
    return database.write(
        handle -> {
          ActivityType type = types.byEventCode(handle, caller.orgId(), request.eventCode());
          if (!type.active()) {
            throw new RuleViolationException(
                ErrorType.INVALID_ACTIVITY,
                "Event Code is invalid or empty: " + type.eventCode() + " is inactive.");
          }
          Map<String, String> given =
              checkedFields(
                  handle, caller.orgId(), type, request.note(), request.fields(), request.skipOptionCheck());
          LeadId leadId = lead(handle, caller, request);
          Map<String, String> custom = new HashMap<>();
          for (FieldDefinition field : type.fields()) {
            String value = given.getOrDefault(field.schemaName(), "");
            if (field.mandatory() && value.isEmpty()) {
              throw new RuleViolationException(
                  ErrorType.MANDATORY_ATTRIBUTE_MISSING,
                  "Mandatory field " + field.schemaName() + " has no value.");
            }
            if (!value.isEmpty()) {
              custom.put(field.schemaName(), value);
            }
          }
          Instant now = clock.instant();
          var activity =
              new Activity(
                  caller.orgId(),
                  request.id() == null ? ActivityId.random() : request.id(),
                  leadId,
                  type.id(),
                  type.eventCode(),
                  type.score(),
                  given.getOrDefault(SystemFields.NOTE, ""),
                  orDefault(given.get(SystemFields.STATUS), SystemFields.ACTIVE),
                  new UserId(orDefault(given.get(SystemFields.OWNER), caller.userId().value())),
                  custom,
                  request.activityAt() == null ? now : request.activityAt(),
                  now,
                  caller.userId(),
                  now,
                  caller.userId(),
                  1);
          activities.insert(handle, activity);
          leads.addScore(handle, caller.orgId(), leadId, type.score());
          return new Posted(activity.id(), leadId);
        });
  }

  /**
   * Updates the note and fields of one activity, all or nothing, recording each changed value. A
   * concurrent update of the same activity waits for this one, so neither loses the other's
   * changes.
   */
  public ActivityId update(Caller caller, ActivityUpdate update) {
    return database.write(handle -> apply(handle, caller, update));
  }

  private ActivityId apply(Handle handle, Caller caller, ActivityUpdate update) {
    Activity old =
        activities
            .find(handle, caller.orgId(), update.id(), RowLock.FOR_UPDATE)
            .orElseThrow(() -> unknownActivity(update.id()));
    if (update.eventCode() != null && update.eventCode() != old.eventCode()) {
      throw new RuleViolationException(
          ErrorType.INVALID_ACTIVITY,
          "Event Code " + update.eventCode() + " does not match the activity's, " + old.eventCode() + ".");
    }
    ActivityType type = typeOf(handle, caller.orgId(), old.typeId());
    Map<String, String> given =
        checkedFields(
            handle, caller.orgId(), type, update.note(), update.fields(), update.skipOptionCheck());
    Map<String, String> custom = new HashMap<>(old.fieldValues());
    for (FieldDefinition field : type.fields()) {
      String value = given.get(field.schemaName());
      if (value == null) {
        continue;
      }
      if (value.isEmpty() && field.mandatory()) {
        throw new RuleViolationException(
            ErrorType.MANDATORY_ATTRIBUTE_MISSING,
            "Mandatory field " + field.schemaName() + " cannot be cleared.");
      }
      if (value.isEmpty()) {
        custom.remove(field.schemaName());
      } else {
        custom.put(field.schemaName(), value);
      }
    }
    Instant now = clock.instant();
    var changed =
        new Activity(
            old.orgId(),
            old.id(),
            old.leadId(),
            old.typeId(),
            old.eventCode(),
            old.score(),
            given.getOrDefault(SystemFields.NOTE, old.note()),
            orDefault(given.get(SystemFields.STATUS), old.status()),
            new UserId(orDefault(given.get(SystemFields.OWNER), old.owner().value())),
            custom,
            old.activityAt(),
            old.createdAt(),
            old.createdBy(),
            now,
            caller.userId(),
            old.version() + 1);
    if (!activities.update(handle, changed, old.version())) {
      throw new IllegalStateException("a locked activity changed under its lock");
    }
    activities.insertChanges(handle, caller.orgId(), changes(old, changed));
    return old.id();
  }

  /**
   * Applies each item of a bulk update on its own, in order: a failing item (including one that
   * could not be read) changes nothing and never stops the others. At most {@link
   * #MAX_BULK_ITEMS} items; a larger or empty batch applies none.
   */
  public List<BulkOutcome> updateEach(Caller caller, List<BulkItem> items) {
    if (items.isEmpty() || items.size() > MAX_BULK_ITEMS) {
      throw RuleViolationException.invalidInput(
          "Request", "A bulk update takes 1 to " + MAX_BULK_ITEMS + " items, not " + items.size() + ".");
    }
    List<BulkOutcome> outcomes = new ArrayList<>();
    for (BulkItem item : items) {
      try {
        update(caller, item.update().get());
        outcomes.add(new BulkOutcome(item.prospectActivityId(), null));
      } catch (LeadtrailException e) {
        outcomes.add(new BulkOutcome(item.prospectActivityId(), e));
      }
    }
    return outcomes;
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
                    after.id(), after.version(), field, pair[0], pair[1], after.modifiedAt(), after.modifiedBy()));
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
        handle -> {
          Page<ActivityId> ids =
              activities.changedWithin(
                  handle,
                  orgId,
                  query.from(),
                  query.to(),
                  query.activityId(),
                  query.eventCodes(),
                  (query.pageIndex() - 1) * query.pageSize(),
                  query.pageSize());
          Map<ActivityId, Activity> found =
              activities.findAll(handle, orgId, ids.items()).stream()
                  .collect(Collectors.toMap(Activity::id, Function.identity()));
          Map<ActivityId, List<ActivityChange>> changes =
              activities.changesOf(handle, orgId, ids.items(), query.from(), query.to()).stream()
                  .collect(Collectors.groupingBy(ActivityChange::activityId));
          return new Page<>(
              ids.total(),
              ids.items().stream()
                  .map(id -> new ActivityHistory(found.get(id), changes.getOrDefault(id, List.of())))
                  .toList());
        });
  }

  /** One activity with its type; an unknown id is an unknown prospect activity. */
  public TypedActivity details(OrgId orgId, ActivityId id) {
    return find(orgId, id).orElseThrow(() -> unknownActivity(id));
  }

  public Optional<TypedActivity> find(OrgId orgId, ActivityId id) {
    return database.read(
        handle ->
            activities
                .find(handle, orgId, id, RowLock.NONE)
                .map(a -> new TypedActivity(a, typeOf(handle, orgId, a.typeId()))));
  }

  /** A lead's activities, newest first; a lead outside the organisation has none. */
  public Page<TypedActivity> forLead(
      OrgId orgId, LeadId leadId, Integer eventCode, int offset, int rowCount) {
    return database.read(
        handle -> {
          Page<Activity> page = activities.forLead(handle, orgId, leadId, eventCode, offset, rowCount);
          return typed(handle, orgId, page);
        });
  }

  /** Activities of one type modified (or created) within the query's window. */
  public Page<TypedActivity> ofType(OrgId orgId, TypeQuery query) {
    if (query.from().isAfter(query.to())) {
      throw RuleViolationException.invalidInput("FromDate", "FromDate is after ToDate.");
    }
    return database.read(
        handle -> {
          types.byEventCode(handle, orgId, query.eventCode());
          Page<Activity> page =
              activities.ofType(
                  handle,
                  orgId,
                  query.eventCode(),
                  query.from(),
                  query.to(),
                  query.byCreatedOn() ? SortColumn.CREATED_ON : SortColumn.MODIFIED_ON,
                  query.newestFirst(),
                  (query.pageIndex() - 1) * query.pageSize(),
                  query.pageSize());
          return typed(handle, orgId, page);
        });
  }

  private Page<TypedActivity> typed(Handle handle, OrgId orgId, Page<Activity> page) {
    if (page.items().isEmpty()) {
      return new Page<>(page.total(), List.of());
    }
    Map<ActivityTypeId, ActivityType> byId =
        types.list(handle, orgId).stream()
            .collect(Collectors.toMap(ActivityType::id, Function.identity()));
    return new Page<>(
        page.total(),
        page.items().stream().map(a -> new TypedActivity(a, byId.get(a.typeId()))).toList());
  }

  private ActivityType typeOf(Handle handle, OrgId orgId, ActivityTypeId typeId) {
    return types.list(handle, orgId).stream()
        .filter(t -> t.id().equals(typeId))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("an activity's type is missing"));
  }

  private LeadId lead(Handle handle, Caller caller, NewActivity request) {
    if (request.leadId() != null) {
      return leads.requireLead(handle, caller.orgId(), request.leadId()).id();
    }
    if (request.leadEmail() == null || request.leadEmail().isBlank()) {
      throw RuleViolationException.invalidInput(
          "RelatedProspectId", "Name the lead by RelatedProspectId or by EmailAddress.");
    }
    EmailAddress email =
        EmailAddress.parse(request.leadEmail())
            .orElseThrow(
                () -> RuleViolationException.invalidInput("EmailAddress", "Not an email address."));
    return leads.findOrCreate(handle, caller, email, request.leadAttributes());
  }

  /**
   * The request's note and field values, checked against the type: canonical values by the
   * fields' own schema names, "" where a value is blank.
   */
  private Map<String, String> checkedFields(
      Handle handle,
      OrgId orgId,
      ActivityType type,
      String note,
      List<FieldInput> fields,
      boolean skipOptionCheck) {
    Map<String, String> values = new LinkedHashMap<>();
    if (note != null) {
      values.put(SystemFields.NOTE, checker.check(SystemFields.NOTE_FIELD, note, false, id -> Optional.empty()));
    }
    FieldValueChecker.ActiveUsers activeUsers = idOrEmail -> activeUser(handle, orgId, idOrEmail);
    for (FieldInput input : fields) {
      FieldDefinition field =
          type.field(input.schemaName())
              .orElseThrow(
                  () ->
                      new RuleViolationException(
                          ErrorType.UNKNOWN_ATTRIBUTE,
                          "Activity type " + type.eventCode() + " has no field " + input.schemaName() + "."));
      if (input.value() == null) {
        throw RuleViolationException.invalidInput(
            field.schemaName(), "Value is missing; send an empty string to leave the field empty.");
      }
      if (values.containsKey(field.schemaName())) {
        throw RuleViolationException.invalidInput(field.schemaName(), "The field is given more than once.");
      }
      values.put(field.schemaName(), checker.check(field, input.value(), skipOptionCheck, activeUsers));
    }
    return values;
  }

  private Optional<UserId> activeUser(Handle handle, OrgId orgId, String idOrEmail) {
    Optional<User> user =
        Guid.isGuid(idOrEmail)
            ? users.find(handle, orgId, new UserId(idOrEmail))
            : EmailAddress.parse(idOrEmail).flatMap(email -> users.findByEmail(handle, orgId, email));
    return user.filter(User::active).map(User::id);
  }

  static RuleViolationException unknownActivity(ActivityId id) {
    return new RuleViolationException(
        ErrorType.UNKNOWN_PROSPECT_ACTIVITY, "No activity " + id + " exists in the system.");
  }

  private static String orDefault(String value, String fallback) {
    return value == null || value.isEmpty() ? fallback : value;
  }
}
