package dev.leadtrail.activity;

import static dev.leadtrail.activity.ActivityViews.baseRow;
import static dev.leadtrail.activity.ActivityViews.detailField;
import static dev.leadtrail.activity.ActivityViews.row;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadtrail.activity.ActivityViews.BulkResultView;
import dev.leadtrail.activity.ActivityViews.BulkView;
import dev.leadtrail.activity.ActivityViews.ChangeView;
import dev.leadtrail.activity.ActivityViews.DetailFieldView;
import dev.leadtrail.activity.ActivityViews.DetailsView;
import dev.leadtrail.activity.ActivityViews.HistoriesView;
import dev.leadtrail.activity.ActivityViews.HistoryView;
import dev.leadtrail.activity.ActivityViews.LeadActivitiesView;
import dev.leadtrail.activity.ActivityViews.LeadActivityView;
import dev.leadtrail.activity.ActivityViews.TypeActivitiesView;
import dev.leadtrail.activitytype.ActivityType;
import dev.leadtrail.activitytype.EventCodes;
import dev.leadtrail.activitytype.SystemFields;
import dev.leadtrail.error.RuleViolationException;
import dev.leadtrail.http.ApiCall;
import dev.leadtrail.http.ApiEndpoints;
import dev.leadtrail.http.ApiRoute;
import dev.leadtrail.http.ApiTime;
import dev.leadtrail.http.JsonValues;
import dev.leadtrail.http.Success;
import dev.leadtrail.lead.LeadAttribute;
import dev.leadtrail.lead.LeadId;
import dev.leadtrail.user.Caller;
import dev.leadtrail.value.PageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Posting and reading activities, under {@code ProspectActivity.svc} (contract 5.2 to 5.5). */
public final class ActivityEndpoints implements ApiEndpoints<Caller> {

  private static final String SERVICE = "ProspectActivity.svc/";
  private static final int MAX_PAGE_SIZE = 1000;

  private final ActivityService activities;
  private final ActivityUpdateService updates;

  public ActivityEndpoints(ActivityService activities, ActivityUpdateService updates) {
    this.activities = activities;
    this.updates = updates;
  }

  @Override
  public List<ApiRoute<Caller>> routes() {
    return List.of(
        ApiRoute.write(SERVICE + "Create", this::create),
        ApiRoute.read(SERVICE + "Retrieve", this::retrieve),
        ApiRoute.get(SERVICE + "GetActivityDetails", this::details),
        ApiRoute.read(SERVICE + "CustomActivity/RetrieveByActivityEvent", this::ofType),
        ApiRoute.write(SERVICE + "CustomActivity/Update", this::update),
        ApiRoute.bulkWrite(SERVICE + "Bulk/CustomActivity/Update", this::bulkUpdate),
        ApiRoute.read(SERVICE + "RetrieveActivityChange", this::history));
  }

  void create(ApiCall<Caller> call) {
    ObjectNode body = call.objectBody();
    String leadId = JsonValues.scalarText(body.get("RelatedProspectId"), "RelatedProspectId");
    String email = JsonValues.scalarText(body.get("EmailAddress"), "EmailAddress");
    List<LeadAttribute> leadAttributes = new ArrayList<>();
    for (String name : List.of("EmailAddress", "FirstName", "LastName", "Phone")) {
      String value = JsonValues.scalarText(body.get(name), name);
      if (value != null) {
        leadAttributes.add(new LeadAttribute(name, value));
      }
    }
    JsonValues.optionalBoolean(body.get("ProcessFilesAsync"), "ProcessFilesAsync");
    JsonValues.optionalBoolean(body.get("IncludeLeadScore"), "IncludeLeadScore");
    var request =
        new NewActivity(
            null,
            leadId == null || leadId.isBlank() ? null : LeadId.parse(leadId, "RelatedProspectId"),
            email,
            leadAttributes,
            EventCodes.parse(JsonValues.scalarText(body.get("ActivityEvent"), "ActivityEvent")),
            JsonValues.scalarText(body.get("ActivityNote"), "ActivityNote"),
            ApiTime.parse(
                JsonValues.scalarText(body.get("ActivityDateTime"), "ActivityDateTime"),
                "ActivityDateTime"),
            fields(body.get("Fields")),
            skipOptionCheck(body));
    ActivityService.Posted posted = activities.post(call.caller(), request);
    call.respond(
        request.leadId() == null
            ? Success.withIdAndRelatedId(posted.id().value(), posted.leadId().value())
            : Success.withId(posted.id().value()));
  }

  void update(ApiCall<Caller> call) {
    ActivityId id = updates.update(call.caller(), activityUpdate(call.objectBody()));
    call.respond(Success.withId(id.value()));
  }

  void bulkUpdate(ApiCall<Caller> call) {
    List<ActivityUpdateService.BulkItem> items = new ArrayList<>();
    for (JsonNode element : call.arrayBody()) {
      JsonNode id = element.isObject() ? element.get("ProspectActivityId") : null;
      String idText = id != null && id.isValueNode() && !id.isNull() ? id.asText() : null;
      items.add(
          new ActivityUpdateService.BulkItem(
              idText, () -> activityUpdate(JsonValues.object(element, "Each item"))));
    }
    call.respond(
        new BulkView(
            updates.updateEach(call.caller(), items).stream().map(BulkResultView::of).toList()));
  }

  void history(ApiCall<Caller> call) {
    ObjectNode body = call.objectBody();
    JsonNode parameter = optionalObject(body, "Parameter");
    JsonNode paging = optionalObject(body, "Paging");
    Instant from = requiredTime(parameter, "FromDate");
    Instant to = requiredTime(parameter, "ToDate");
    String activityId = JsonValues.scalarText(parameter.get("ActivityID"), "ActivityID");
    JsonNode events = parameter.get("ActivityEvents");
    boolean byActivity = activityId != null && !activityId.isBlank();
    boolean byEvents = events != null && !events.isNull();
    if (byActivity == byEvents) {
      throw RuleViolationException.invalidInput(
          "ActivityID", "Give either ActivityID or ActivityEvents, not both and not neither.");
    }
    List<Integer> eventCodes = new ArrayList<>();
    if (byEvents) {
      for (JsonNode code : JsonValues.array(events, "ActivityEvents")) {
        eventCodes.add(EventCodes.parse(JsonValues.scalarText(code, "ActivityEvents")));
      }
    }
    var query =
        new ActivityUpdateService.ChangeQuery(
            from,
            to,
            byActivity ? ActivityId.parse(activityId, "ActivityID") : null,
            eventCodes,
            pageAtIndex(paging, 25));
    Page<ActivityHistory> page = updates.history(call.caller().orgId(), query);
    call.respond(
        new HistoriesView(
            page.total(),
            page.items().stream()
                .map(
                    h ->
                        new HistoryView(
                            baseRow(h.activity()),
                            h.changes().stream().map(ChangeView::of).toList()))
                .toList()));
  }

  /** The body of an update, alone or as an item of a bulk update (contract section 5.1). */
  static ActivityUpdate activityUpdate(ObjectNode body) {
    String id = JsonValues.scalarText(body.get("ProspectActivityId"), "ProspectActivityId");
    if (id == null || id.isBlank()) {
      throw RuleViolationException.invalidInput("ProspectActivityId", "It is required.");
    }
    JsonNode event = body.get("ActivityEvent");
    Integer eventCode =
        event == null || event.isNull()
            ? null
            : EventCodes.parse(JsonValues.scalarText(event, "ActivityEvent"));
    JsonValues.optionalBoolean(body.get("ProcessFilesAsync"), "ProcessFilesAsync");
    return new ActivityUpdate(
        ActivityId.parse(id, "ProspectActivityId"),
        eventCode,
        JsonValues.scalarText(body.get("ActivityNote"), "ActivityNote"),
        fields(body.get("Fields")),
        skipOptionCheck(body));
  }

  private static Instant requiredTime(JsonNode parameter, String name) {
    Instant time = ApiTime.parse(JsonValues.scalarText(parameter.get(name), name), name);
    if (time == null) {
      throw RuleViolationException.invalidInput(name, "It is required.");
    }
    return time;
  }

  void retrieve(ApiCall<Caller> call) {
    LeadId leadId = LeadId.parse(call.query("leadId").orElse(null), "leadId");
    ObjectNode body = call.objectBody();
    JsonNode parameter = optionalObject(body, "Parameter");
    JsonNode paging = optionalObject(body, "Paging");
    Integer eventCode = JsonValues.optionalInteger(parameter.get("ActivityEvent"), "ActivityEvent");
    var request =
        PageRequest.atOffset(
            bounded(
                JsonValues.optionalInteger(paging.get("Offset"), "Offset"),
                0,
                0,
                Integer.MAX_VALUE,
                "Offset"),
            bounded(
                JsonValues.optionalInteger(paging.get("RowCount"), "RowCount"),
                25,
                1,
                MAX_PAGE_SIZE,
                "RowCount"));
    Page<TypedActivity> page =
        activities.forLead(call.caller().orgId(), leadId, eventCode, request);
    call.respond(
        new LeadActivitiesView(
            page.total(), page.items().stream().map(LeadActivityView::of).toList()));
  }

  void details(ApiCall<Caller> call) {
    ActivityId id = ActivityId.parse(call.query("activityId").orElse(null), "activityId");
    TypedActivity typed = activities.details(call.caller().orgId(), id);
    Activity activity = typed.activity();
    Map<String, String> values = new LinkedHashMap<>();
    values.put(SystemFields.NOTE, activity.note());
    values.put(SystemFields.STATUS, activity.status());
    values.put(SystemFields.OWNER, activity.owner().value());
    values.putAll(typed.currentFieldValues());
    List<DetailFieldView> fields =
        Stream.concat(SystemFields.ALL.stream(), typed.type().fields().stream())
            .map(field -> detailField(field, values.get(field.schemaName())))
            .toList();
    ActivityType type = typed.type();
    call.respond(new DetailsView(activity.id().value(), type.name(), type.name(), fields));
  }

  void ofType(ApiCall<Caller> call) {
    ObjectNode body = call.objectBody();
    JsonNode parameter = optionalObject(body, "Parameter");
    JsonNode paging = optionalObject(body, "Paging");
    JsonNode sorting = optionalObject(body, "Sorting");
    int eventCode =
        EventCodes.parse(JsonValues.scalarText(parameter.get("ActivityEvent"), "ActivityEvent"));
    Instant from =
        ApiTime.parse(JsonValues.scalarText(parameter.get("FromDate"), "FromDate"), "FromDate");
    Instant to = ApiTime.parse(JsonValues.scalarText(parameter.get("ToDate"), "ToDate"), "ToDate");
    Boolean removeEmpty =
        JsonValues.optionalBoolean(parameter.get("RemoveEmptyValue"), "RemoveEmptyValue");
    PageRequest pageRequest = pageAtIndex(paging, 100);
    String column = JsonValues.scalarText(sorting.get("ColumnName"), "ColumnName");
    boolean byCreatedOn = column != null && column.strip().equalsIgnoreCase("CreatedOn");
    if (column != null
        && !byCreatedOn
        && !column.isBlank()
        && !column.strip().equalsIgnoreCase("ModifiedOn")) {
      throw RuleViolationException.invalidInput("ColumnName", "Sort by ModifiedOn or CreatedOn.");
    }
    int direction =
        bounded(
            JsonValues.optionalInteger(sorting.get("Direction"), "Direction"),
            1,
            0,
            1,
            "Direction");
    var query =
        new ActivityService.TypeQuery(
            eventCode,
            from == null ? Instant.EPOCH : from,
            to == null ? Instant.ofEpochMilli(Long.MAX_VALUE) : to,
            byCreatedOn,
            direction == 1,
            pageRequest);
    Page<TypedActivity> page = activities.ofType(call.caller().orgId(), query);
    List<Map<String, String>> rows =
        page.items().stream().map(typed -> row(typed, removeEmpty != null && removeEmpty)).toList();
    call.respond(new TypeActivitiesView(page.total(), rows.isEmpty() ? null : rows));
  }

  /** {@code PageIndex} from 1 and {@code PageSize} up to 1000, as the read calls take them. */
  private static PageRequest pageAtIndex(JsonNode paging, int defaultSize) {
    return PageRequest.atIndex(
        bounded(
            JsonValues.optionalInteger(paging.get("PageIndex"), "PageIndex"),
            1,
            1,
            Integer.MAX_VALUE,
            "PageIndex"),
        pageSize(JsonValues.optionalInteger(paging.get("PageSize"), "PageSize"), defaultSize));
  }

  private static int pageSize(Integer requested, int fallback) {
    if (requested != null && requested > MAX_PAGE_SIZE) {
      throw RuleViolationException.invalidInput("PageSize", "PageSize can not be more than 1000.");
    }
    return bounded(requested, fallback, 1, MAX_PAGE_SIZE, "PageSize");
  }

  /** The Fields of an activity write: absent or null is none; each entry an object. */
  static List<FieldInput> fields(JsonNode node) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    List<FieldInput> fields = new ArrayList<>();
    for (JsonNode element : JsonValues.array(node, "Fields")) {
      ObjectNode field = JsonValues.object(element, "Each field");
      String schemaName = JsonValues.scalarText(field.get("SchemaName"), "SchemaName");
      if (schemaName == null || schemaName.isBlank()) {
        throw RuleViolationException.invalidInput("SchemaName", "Each field needs a SchemaName.");
      }
      String name = schemaName.strip();
      fields.add(new FieldInput(name, JsonValues.scalarText(field.get("Value"), name)));
    }
    return fields;
  }

  static boolean skipOptionCheck(ObjectNode body) {
    Boolean skip =
        JsonValues.optionalBoolean(body.get("ValidateDropDownOptions"), "ValidateDropDownOptions");
    return skip != null && skip;
  }

  private static JsonNode optionalObject(ObjectNode body, String name) {
    JsonNode node = body.get(name);
    return node == null || node.isNull() ? body.objectNode() : JsonValues.object(node, name);
  }

  private static int bounded(Integer value, int fallback, int min, int max, String parameter) {
    int chosen = value == null ? fallback : value;
    if (chosen < min || chosen > max) {
      throw RuleViolationException.invalidInput(
          parameter, "It must be from " + min + " to " + max + ", not " + chosen + ".");
    }
    return chosen;
  }
}
