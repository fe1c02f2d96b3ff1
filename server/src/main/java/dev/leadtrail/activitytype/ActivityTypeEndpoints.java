package dev.leadtrail.activitytype;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadtrail.error.RuleViolationException;
import dev.leadtrail.http.ApiCall;
import dev.leadtrail.http.ApiEndpoints;
import dev.leadtrail.http.ApiRoute;
import dev.leadtrail.http.JsonValues;
import dev.leadtrail.http.Success;
import dev.leadtrail.user.Caller;
import java.util.List;
import java.util.stream.Stream;

/** Activity types and their fields, under {@code ProspectActivity.svc} (contract section 5.8). */
public final class ActivityTypeEndpoints implements ApiEndpoints<Caller> {

  private static final String SERVICE = "ProspectActivity.svc/";

  record TypeView(
      @JsonProperty("ID") String id,
      @JsonProperty("ActivityEvent") int activityEvent,
      @JsonProperty("ActivityEventName") String activityEventName,
      @JsonProperty("Score") int score,
      @JsonProperty("Direction") int direction,
      @JsonProperty("Description") String description,
      @JsonProperty("IsActive") boolean isActive) {

    static TypeView of(ActivityType type) {
      return new TypeView(
          type.id().value(),
          type.eventCode(),
          type.name(),
          type.score(),
          type.direction(),
          type.description(),
          type.active());
    }
  }

  record FieldView(
      @JsonProperty("SchemaName") String schemaName,
      @JsonProperty("DisplayName") String displayName,
      @JsonProperty("DataType") String dataType,
      @JsonProperty("IsMandatory") boolean isMandatory,
      @JsonProperty("ShowInForm") boolean showInForm,
      @JsonProperty("Sequence") int sequence,
      @JsonProperty("OptionSet") String optionSet,
      @JsonProperty("IsMultiSelectDropdown") boolean isMultiSelectDropdown,
      @JsonProperty("MaxFieldLength") Integer maxFieldLength,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) @JsonProperty("Fields")
          List<FieldView> subFields) {

    static FieldView of(FieldDefinition field) {
      return new FieldView(
          field.schemaName(),
          field.displayName(),
          field.dataType().wireName(),
          field.mandatory(),
          field.showInForm(),
          field.sequence(),
          OptionSetJson.encode(field.options()),
          field.multiSelect(),
          field.maxFieldLength(),
          field.subFields().stream().map(FieldView::of).toList());
    }
  }

  record SettingView(
      @JsonProperty("ID") String id,
      @JsonProperty("Name") String name,
      @JsonProperty("DisplayName") String displayName,
      @JsonProperty("Fields") List<FieldView> fields) {}

  record OptionsView(@JsonProperty("Options") List<String> options) {}

  private final ActivityTypeService types;

  public ActivityTypeEndpoints(ActivityTypeService types) {
    this.types = types;
  }

  @Override
  public List<ApiRoute<Caller>> routes() {
    return List.of(
        ApiRoute.write(SERVICE + "CreateType", this::createType),
        ApiRoute.get(SERVICE + "ActivityTypes.Get", this::list),
        ApiRoute.write(SERVICE + "CustomActivityType/Update", this::updateType),
        ApiRoute.get(SERVICE + "CustomActivity/GetActivitySetting", this::setting),
        ApiRoute.read(SERVICE + "ActivityField/Dropdown/Options/Get", this::dropdownOptions),
        ApiRoute.write(
            SERVICE + "CustomActivity/FieldOptions/Push", call -> changeOptions(call, true)),
        ApiRoute.write(
            SERVICE + "CustomActivity/FieldOptions/Pop", call -> changeOptions(call, false)));
  }

  void createType(ApiCall<Caller> call) {
    ObjectNode body = call.objectBody();
    ActivityType type = types.create(call.caller(), ActivityTypeDraft.from(body, "Direction"));
    call.respond(Success.withId(String.valueOf(type.eventCode())));
  }

  void list(ApiCall<Caller> call) {
    call.respond(types.list(call.caller().orgId()).stream().map(TypeView::of).toList());
  }

  void updateType(ApiCall<Caller> call) {
    ObjectNode body = call.objectBody();
    String id = JsonValues.scalarText(body.get("ID"), "ID");
    String directionName = body.has("EventDirection") ? "EventDirection" : "Direction";
    types.update(
        call.caller(), ActivityTypeId.parse(id, "ID"), ActivityTypeDraft.from(body, directionName));
    call.respond(Success.plain());
  }

  void setting(ApiCall<Caller> call) {
    int code = EventCodes.parse(call.query("code").orElse(null));
    ActivityType type = types.byEventCode(call.caller().orgId(), code);
    List<FieldView> fields =
        Stream.concat(SystemFields.ALL.stream(), type.fields().stream())
            .map(FieldView::of)
            .toList();
    call.respond(new SettingView(type.id().value(), type.name(), type.name(), fields));
  }

  void dropdownOptions(ApiCall<Caller> call) {
    JsonNode parameter = JsonValues.object(call.objectBody().path("Parameter"), "Parameter");
    String schemaName = JsonValues.scalarText(parameter.get("SchemaName"), "SchemaName");
    if (schemaName == null || schemaName.isBlank()) {
      throw RuleViolationException.invalidInput("SchemaName", "It is required.");
    }
    int code =
        EventCodes.parse(
            JsonValues.scalarText(parameter.get("ActivityEventCode"), "ActivityEventCode"));
    String subField =
        JsonValues.scalarText(parameter.get("CustomObjectSchemaName"), "CustomObjectSchemaName");
    String field =
        subField == null || subField.isBlank()
            ? schemaName.strip()
            : schemaName.strip() + "~" + subField.strip();
    call.respond(new OptionsView(types.dropdownOptions(call.caller().orgId(), code, field)));
  }

  /**
   * The option values as a JSON array of strings, or as {@code {"Options":[...]}}; {@code code} and
   * {@code fieldName} in the query.
   */
  void changeOptions(ApiCall<Caller> call, boolean push) {
    int code =
        EventCodes.parse(
            call.query("code")
                .orElseThrow(() -> RuleViolationException.invalidInput("code", "It is required.")));
    String fieldName =
        call.query("fieldName")
            .filter(name -> !name.isBlank())
            .orElseThrow(() -> RuleViolationException.invalidInput("fieldName", "It is required."));
    JsonNode body = call.body();
    JsonNode list = body.isObject() ? body.get("Options") : body;
    List<String> values = new java.util.ArrayList<>();
    for (JsonNode value : JsonValues.array(list, "Options")) {
      String text = JsonValues.scalarText(value, "Options");
      if (text == null) {
        throw RuleViolationException.invalidInput("Options", "An option value is missing.");
      }
      values.add(text);
    }
    int changed = types.changeOptions(call.caller(), code, fieldName, values, push);
    call.respond(Success.withAffectedRows(changed));
  }
}
