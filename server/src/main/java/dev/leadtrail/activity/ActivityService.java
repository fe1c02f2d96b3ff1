package dev.leadtrail.activity;

import dev.leadtrail.activity.ActivityRepository.SortColumn;
import dev.leadtrail.activitytype.ActivityType;
import dev.leadtrail.activitytype.ActivityTypeId;
import dev.leadtrail.activitytype.ActivityTypeService;
import dev.leadtrail.error.ErrorType;
import dev.leadtrail.error.RuleViolationException;
import dev.leadtrail.lead.LeadId;
import dev.leadtrail.lead.LeadService;
import dev.leadtrail.org.OrgId;
import dev.leadtrail.storage.Database;
import dev.leadtrail.storage.RowLock;
import dev.leadtrail.user.Caller;
import dev.leadtrail.user.RecentUsers;
import dev.leadtrail.value.EmailAddress;
import dev.leadtrail.value.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/** Posts activities on leads and reads them back (contract sections 5.2 to 5.5). Thread-safe. */
public final class ActivityService {

  /** What posting an activity made: the activity, and the lead it is on. */
  public record Posted(ActivityId id, LeadId leadId) {}

  /** How a list of one type's activities is cut and ordered. */
  public record TypeQuery(
      int eventCode,
      Instant from,
      Instant to,
      boolean byCreatedOn,
      boolean newestFirst,
      PageRequest page) {}

  private final Database database;
  private final ActivityRepository activities;
  private final ActivityTypeService types;
  private final LeadService leads;
  private final ActivityFieldValues fieldValues;
  private final Clock clock;

  private ActivityService(
      Database database,
      ActivityRepository activities,
      ActivityTypeService types,
      LeadService leads,
      RecentUsers users,
      Clock clock) {
    this.database = database;
    this.activities = activities;
    this.types = types;
    this.leads = leads;
    this.fieldValues = new ActivityFieldValues(types, users);
    this.clock = clock;
  }

  public static ActivityService create(
      Database database,
      ActivityTypeService types,
      LeadService leads,
      RecentUsers users,
      Clock clock) {
    return new ActivityService(
        database, new ActivityRepository(database.dialect()), types, leads, users, clock);
  }

  public Posted post(Caller caller, NewActivity request) {
    if (request.eventCode() == null) {
      throw new RuleViolationException(
          ErrorType.INVALID_ACTIVITY, "Event Code is invalid or empty.");
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
              fieldValues.check(
                  handle,
                  caller.orgId(),
                  type,
                  request.note(),
                  request.fields(),
                  request.skipOptionCheck());
          LeadId leadId = lead(handle, caller, request);
          var activity =
              Activity.post(
                  caller.orgId(),
                  request.id() == null ? ActivityId.random() : request.id(),
                  leadId,
                  type,
                  given,
                  request.activityAt(),
                  caller.userId(),
                  clock.instant());
          activities.insert(handle, activity);
          leads.addScore(handle, caller.orgId(), leadId, type.score());
          return new Posted(activity.id(), leadId);
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
                .map(
                    found ->
                        new TypedActivity(found.activity(), fieldValues.typeOf(handle, found))));
  }

  /** A lead's activities, newest first; a lead outside the organisation has none. */
  public Page<TypedActivity> forLead(
      OrgId orgId, LeadId leadId, Integer eventCode, PageRequest request) {
    return database.read(
        handle -> {
          Page<Activity> page = activities.forLead(handle, orgId, leadId, eventCode, request);
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
                  query.page());
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

  static RuleViolationException unknownActivity(ActivityId id) {
    return new RuleViolationException(
        ErrorType.UNKNOWN_PROSPECT_ACTIVITY, "No activity " + id + " exists in the system.");
  }
}
