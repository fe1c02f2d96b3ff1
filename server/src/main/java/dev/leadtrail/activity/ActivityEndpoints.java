package dev.leadtrail.activity;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadtrail.activitytype.ActivityType;
import dev.leadtrail.activitytype.EventCodes;
import dev.leadtrail.activitytype.FieldDefinition;
import dev.leadtrail.activitytype.OptionSetJson;
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
import dev.leadtrail.value.Guid;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Posting and reading activities, under {@code ProspectActivity.svc} (contract 5.2 to 5.5). */
public final class ActivityEndpoints implements ApiEndpoints {

  private static final String SERVICE = "ProspectActivity.svc/";
  private static final int MAX_PAGE_SIZE = 1000;
  private static final int CUSTOM_ACTIVITY = 2;

  @JsonPropertyOrder({"RecordCount", "ProspectActivities"})
  record LeadActivitiesView(
      @JsonProperty("RecordCount") long recordCount,
      @JsonProperty("ProspectActivities") List<LeadActivityView> prospectActivities) {}

  record KeyValue(@JsonProperty("Key") String key, @JsonProperty("Value") String value) {}

  @JsonPropertyOrder({"Id", "EventCode", "EventName", "ActivityScore", "CreatedOn", "ActivityType",
      "IsEmailType", "Type", "SessionId", "TrackLocation", "ActivityFields", "Data"})
  record LeadActivityView(
      @JsonProperty("Id") String id,
      @JsonProperty("EventCode") int eventCode,
      @JsonProperty("EventName") String eventName,
      @JsonProperty("ActivityScore") int activityScore,
      @JsonProperty("CreatedOn") String createdOn,
      @JsonProperty("ActivityType") int activityType,
      @JsonProperty("IsEmailType") boolean isEmailType,
      @JsonProperty("Type") String type,
      @JsonProperty("SessionId") String sessionId,
      @JsonProperty("TrackLocation") int trackLocation,
      @JsonProperty("ActivityFields") Map<String, String> activityFields,
      @JsonProperty("Data") List<KeyValue> data) {

    static LeadActivityView of(TypedActivity typed) {
      Activity activity = typed.activity();
      ActivityType type = typed.type();
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put(SystemFields.NOTE, activity.note());
      fields.put(SystemFields.STATUS, activity.status());
      fields.put(SystemFields.OWNER, activity.owner().value());
      List<KeyValue> data = new ArrayList<>();
      typed.currentFieldValues().forEach(
          (name, value) -> {
            if (!value.isEmpty()) {
              fields.put(name, value);
              data.add(new KeyValue(name, value));
            }
          });
      return new LeadActivityView(
          activity.id().value(),
          activity.eventCode(),
          type.name(),
          activity.score(),
          ApiTime.format(activity.activityAt()),
          CUSTOM_ACTIVITY,
          false,
          type.direction() == 1 ? "Outbound" : "Inbound",
          null,
          type.trackLocation() ? 1 : 0,
          fields,
          data);
    }
  }

  @JsonPropertyOrder({"SchemaName", "InternalName", "DisplayName", "Value", "DataType",
      "IsMandatory", "ShowInForm", "Sequence", "OptionSet", "IsMultiSelectDropdown",
      "MaxFieldLength"})
  record DetailFieldView(
      @JsonProperty("SchemaName") String schemaName,
      @JsonProperty("InternalName") String internalName,
      @JsonProperty("DisplayName") String displayName,
      @JsonProperty("Value") String value,
      @JsonProperty("DataType") String dataType,
      @JsonProperty("IsMandatory") boolean isMandatory,
      @JsonProperty("ShowInForm") boolean showInForm,
      @JsonProperty("Sequence") int sequence,
      @JsonProperty("OptionSet") String optionSet,
      @JsonProperty("IsMultiSelectDropdown") boolean isMultiSelectDropdown,
      @JsonProperty("MaxFieldLength") Integer maxFieldLength) {}

  record DetailsView(
      @JsonProperty("ID") String id,
      @JsonProperty("Name") String name,
      @JsonProperty("DisplayName") String displayName,
      @JsonProperty("Fields") List<DetailFieldView> fields) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"RecordCount", "List"})
  record TypeActivitiesView(
      @JsonProperty("RecordCount") long recordCount,
      @JsonProperty("List") List<Map<String, String>> list) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"ProspectActivityId", "IsSuccessful", "ExceptionType", "ExceptionMessage"})
  record BulkResultView(
      @JsonProperty("ProspectActivityId") String prospectActivityId,
      @JsonProperty("IsSuccessful") boolean isSuccessful,
      @JsonProperty("ExceptionType") String exceptionType,
      @JsonProperty("ExceptionMessage") String exceptionMessage) {

    static BulkResultView of(ActivityService.BulkOutcome outcome) {
      var failure = outcome.failure();
      return failure == null
          ? new BulkResultView(outcome.prospectActivityId(), true, null, null)
          : new BulkResultView(
              outcome.prospectActivityId(), false, failure.type().wireName(), failure.getMessage());
    }
  }

  record BulkView(@JsonProperty("Response") List<BulkResultView> response) {}

  @JsonPropertyOrder({"ModifiedOn", "ModifiedBy", "Field", "OldValue", "NewValue"})
  record ChangeView(
      @JsonProperty("ModifiedOn") String modifiedOn,
      @JsonProperty("ModifiedBy") String modifiedBy,
      @JsonProperty("Field") String field,
      @JsonProperty("OldValue") String oldValue,
      @JsonProperty("NewValue") String newValue) {

    static ChangeView of(ActivityChange change) {
      return new ChangeView(
          ApiTime.format(change.changedAt()),
          change.changedBy().value(),
          change.field(),
          change.oldValue(),
          change.newValue());
    }
  }

  @JsonPropertyOrder({"Activity", "Changes"})
  record HistoryView(
      @JsonProperty("Activity") Map<String, String> activity,
      @JsonProperty("Changes") List<ChangeView> changes) {}

  @JsonPropertyOrder({"RecordCount", "Activities"})
  record HistoriesView(
      @JsonProperty("RecordCount") long recordCount,
      @JsonProperty("Activities") List<HistoryView> activities) {}

  private final ActivityService activities;

  public ActivityEndpoints(ActivityService activities) {
    this.activities = activities;
  }

  @Override
  public List<ApiRoute> routes() {
    return List.of(
        ApiRoute.write(SERVICE + "Create", this::create),
        ApiRoute.read(SERVICE + "Retrieve", this::retrieve),
        ApiRoute.get(SERVICE + "GetActivityDetails", this::details),
        ApiRoute.read(SERVICE + "CustomActivity/RetrieveByActivityEvent", this::ofType),
        ApiRoute.write(SERVICE + "CustomActivity/Update", this::update),
        ApiRoute.bulkWrite(SERVICE + "Bulk/CustomActivity/Update", this::bulkUpdate),
        ApiRoute.read(SERVICE + "RetrieveActivityChange", this::history));
  }

  void create(ApiCall call) {
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
            leadId == null || leadId.isBlank() ? null : leadId(leadId, "RelatedProspectId"),
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

  void update(ApiCall call) {
    ActivityId id = activities.update(call.caller(), activityUpdate(call.objectBody()));
    call.respond(Success.withId(id.value()));
  }

  void bulkUpdate(ApiCall call) {
    List<ActivityService.BulkItem> items = new ArrayList<>();
    for (JsonNode element : call.arrayBody()) {
      JsonNode id = element.isObject() ? element.get("ProspectActivityId") : null;
      String idText = id != null && id.isValueNode() && !id.isNull() ? id.asText() : null;
      items.add(
          new ActivityService.BulkItem(
              idText, () -> activityUpdate(JsonValues.object(element, "Each item"))));
    }
    call.respond(
        new BulkView(
            activities.updateEach(call.caller(), items).stream().map(BulkResultView::of).toList()));
  }

  void history(ApiCall call) {
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
    if (byActivity && !Guid.isGuid(activityId.strip())) {
      throw RuleViolationException.invalidInput("ActivityID", "An activity id is a GUID.");
    }
    List<Integer> eventCodes = new ArrayList<>();
    if (byEvents) {
      for (JsonNode code : JsonValues.array(events, "ActivityEvents")) {
        eventCodes.add(EventCodes.parse(JsonValues.scalarText(code, "ActivityEvents")));
      }
    }
    var query =
        new ActivityService.ChangeQuery(
            from,
            to,
            byActivity ? new ActivityId(activityId.strip()) : null,
            eventCodes,
            bounded(JsonValues.optionalInteger(paging.get("PageIndex"), "PageIndex"), 1, 1, Integer.MAX_VALUE, "PageIndex"),
            pageSize(JsonValues.optionalInteger(paging.get("PageSize"), "PageSize"), 25));
    Page<ActivityHistory> page = activities.history(call.caller().orgId(), query);
    call.respond(
        new HistoriesView(
            page.total(),
            page.items().stream()
                .map(h -> new HistoryView(baseRow(h.activity()), h.changes().stream().map(ChangeView::of).toList()))
                .toList()));
  }

  /** The body of an update, alone or as an item of a bulk update (contract section 5.1). */
  static ActivityUpdate activityUpdate(ObjectNode body) {
    String id = JsonValues.scalarText(body.get("ProspectActivityId"), "ProspectActivityId");
    if (id == null || id.isBlank()) {
      throw RuleViolationException.invalidInput("ProspectActivityId", "It is required.");
    }
    if (!Guid.isGuid(id.strip())) {
      throw RuleViolationException.invalidInput("ProspectActivityId", "An activity id is a GUID.");
    }
    JsonNode event = body.get("ActivityEvent");
    Integer eventCode =
        event == null || event.isNull()
            ? null
            : EventCodes.parse(JsonValues.scalarText(event, "ActivityEvent"));
    JsonValues.optionalBoolean(body.get("ProcessFilesAsync"), "ProcessFilesAsync");
    return new ActivityUpdate(
        new ActivityId(id.strip()),
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

  void retrieve(ApiCall call) {
    LeadId leadId =
        leadId(call.query("leadId").orElse(null), "leadId");
    ObjectNode body = call.objectBody();
    JsonNode parameter = optionalObject(body, "Parameter");
    JsonNode paging = optionalObject(body, "Paging");
    Integer eventCode = JsonValues.optionalInteger(parameter.get("ActivityEvent"), "ActivityEvent");
    int offset = bounded(JsonValues.optionalInteger(paging.get("Offset"), "Offset"), 0, 0, Integer.MAX_VALUE, "Offset");
    int rowCount = bounded(JsonValues.optionalInteger(paging.get("RowCount"), "RowCount"), 25, 1, MAX_PAGE_SIZE, "RowCount");
    Page<TypedActivity> page =
        activities.forLead(call.caller().orgId(), leadId, eventCode, offset, rowCount);
    call.respond(
        new LeadActivitiesView(
            page.total(), page.items().stream().map(LeadActivityView::of).toList()));
  }

  void details(ApiCall call) {
    String id = call.query("activityId").orElse(null);
    if (id == null || !Guid.isGuid(id.strip())) {
      throw RuleViolationException.invalidInput("activityId", "An activity id is a GUID.");
    }
    TypedActivity typed = activities.details(call.caller().orgId(), new ActivityId(id.strip()));
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

  void ofType(ApiCall call) {
    ObjectNode body = call.objectBody();
    JsonNode parameter = optionalObject(body, "Parameter");
    JsonNode paging = optionalObject(body, "Paging");
    JsonNode sorting = optionalObject(body, "Sorting");
    int eventCode = EventCodes.parse(JsonValues.scalarText(parameter.get("ActivityEvent"), "ActivityEvent"));
    Instant from = ApiTime.parse(JsonValues.scalarText(parameter.get("FromDate"), "FromDate"), "FromDate");
    Instant to = ApiTime.parse(JsonValues.scalarText(parameter.get("ToDate"), "ToDate"), "ToDate");
    Boolean removeEmpty = JsonValues.optionalBoolean(parameter.get("RemoveEmptyValue"), "RemoveEmptyValue");
    int pageIndex = bounded(JsonValues.optionalInteger(paging.get("PageIndex"), "PageIndex"), 1, 1, Integer.MAX_VALUE, "PageIndex");
    int pageSize = pageSize(JsonValues.optionalInteger(paging.get("PageSize"), "PageSize"), 100);
    String column = JsonValues.scalarText(sorting.get("ColumnName"), "ColumnName");
    boolean byCreatedOn = column != null && column.strip().equalsIgnoreCase("CreatedOn");
    if (column != null && !byCreatedOn && !column.isBlank() && !column.strip().equalsIgnoreCase("ModifiedOn")) {
      throw RuleViolationException.invalidInput("ColumnName", "Sort by ModifiedOn or CreatedOn.");
    }
    int direction = bounded(JsonValues.optionalInteger(sorting.get("Direction"), "Direction"), 1, 0, 1, "Direction");
    var query =
        new ActivityService.TypeQuery(
            eventCode,
            from == null ? Instant.EPOCH : from,
            to == null ? Instant.ofEpochMilli(Long.MAX_VALUE) : to,
            byCreatedOn,
            direction == 1,
            pageIndex,
            pageSize);
    Page<TypedActivity> page = activities.ofType(call.caller().orgId(), query);
    List<Map<String, String>> rows =
        page.items().stream().map(typed -> row(typed, removeEmpty != null && removeEmpty)).toList();
    call.respond(new TypeActivitiesView(page.total(), rows.isEmpty() ? null : rows));
  }

  private static int pageSize(Integer requested, int fallback) {
    if (requested != null && requested > MAX_PAGE_SIZE) {
      throw RuleViolationException.invalidInput("PageSize", "PageSize can not be more than 1000.");
    }
    return bounded(requested, fallback, 1, MAX_PAGE_SIZE, "PageSize");
  }

  /** A row of RetrieveByActivityEvent: flat, every value a string. */
  private static Map<String, String> row(TypedActivity typed, boolean removeEmpty) {
    Map<String, String> row = baseRow(typed.activity());
    row.putAll(typed.currentFieldValues());
    if (removeEmpty) {
      row.values().removeIf(String::isEmpty);
    }
    return row;
  }

  /** What every flat activity row carries, before its custom fields. */
  private static Map<String, String> baseRow(Activity activity) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("ProspectActivityId", activity.id().value());
    row.put("RelatedProspectId", activity.leadId().value());
    row.put("ActivityType", String.valueOf(CUSTOM_ACTIVITY));
    row.put("ActivityEvent", String.valueOf(activity.eventCode()));
    row.put(SystemFields.NOTE, activity.note());
    row.put(SystemFields.STATUS, activity.status());
    row.put(SystemFields.OWNER, activity.owner().value());
    row.put("CreatedOn", ApiTime.format(activity.createdAt()));
    row.put("CreatedBy", activity.createdBy().value());
    row.put("ModifiedOn", ApiTime.format(activity.modifiedAt()));
    row.put("ModifiedBy", activity.modifiedBy().value());
    row.put("Score", String.valueOf(activity.score()));
    return row;
  }

  private static DetailFieldView detailField(FieldDefinition field, String value) {
    return new DetailFieldView(
        field.schemaName(),
        field.schemaName(),
        field.displayName(),
        value == null ? "" : value,
        field.dataType().wireName(),
        field.mandatory(),
        field.showInForm(),
        field.sequence(),
        OptionSetJson.encode(field.options()),
        field.multiSelect(),
        field.maxFieldLength());
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
      fields.add(new FieldInput(schemaName.strip(), JsonValues.scalarText(field.get("Value"), "Value")));
    }
    return fields;
  }

  static boolean skipOptionCheck(ObjectNode body) {
    Boolean skip = JsonValues.optionalBoolean(body.get("ValidateDropDownOptions"), "ValidateDropDownOptions");
    return skip != null && skip;
  }

  private static LeadId leadId(String text, String parameter) {
    if (text == null || !Guid.isGuid(text.strip())) {
      throw RuleViolationException.invalidInput(parameter, "A lead id is a GUID.");
    }
    return new LeadId(text.strip());
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
