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
        ApiRoute.read(SERVICE + "CustomActivity/RetrieveByActivityEvent", this::ofType));
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
    Integer pageSize = JsonValues.optionalInteger(paging.get("PageSize"), "PageSize");
    if (pageSize != null && pageSize > MAX_PAGE_SIZE) {
      throw RuleViolationException.invalidInput("PageSize", "PageSize can not be more than 1000.");
    }
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
            bounded(pageSize, 100, 1, MAX_PAGE_SIZE, "PageSize"));
    Page<TypedActivity> page = activities.ofType(call.caller().orgId(), query);
    List<Map<String, String>> rows =
        page.items().stream().map(typed -> row(typed, removeEmpty != null && removeEmpty)).toList();
    call.respond(new TypeActivitiesView(page.total(), rows.isEmpty() ? null : rows));
  }

  /** A row of RetrieveByActivityEvent: flat, every value a string. */
  private static Map<String, String> row(TypedActivity typed, boolean removeEmpty) {
    Activity activity = typed.activity();
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
    row.putAll(typed.currentFieldValues());
    if (removeEmpty) {
      row.values().removeIf(String::isEmpty);
    }
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
