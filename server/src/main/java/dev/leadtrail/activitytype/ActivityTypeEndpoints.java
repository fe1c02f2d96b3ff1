package dev.leadtrail.activitytype;

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
import java.util.ArrayList;
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
      @JsonProperty("MaxFieldLength") Integer maxFieldLength) {

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
          field.maxFieldLength());
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
        ApiRoute.read(SERVICE + "ActivityField/Dropdown/Options/Get", this::dropdownOptions));
  }

  void createType(ApiCall<Caller> call) {
    ObjectNode body = call.objectBody();
    ActivityType type = types.create(call.caller(), draft(body, "Direction"));
    call.respond(Success.withId(String.valueOf(type.eventCode())));
  }

  void list(ApiCall<Caller> call) {
    call.respond(types.list(call.caller().orgId()).stream().map(TypeView::of).toList());
  }

  void updateType(ApiCall<Caller> call) {
    ObjectNode body = call.objectBody();
    String id = JsonValues.scalarText(body.get("ID"), "ID");
    String directionName = body.has("EventDirection") ? "EventDirection" : "Direction";
    types.update(call.caller(), ActivityTypeId.parse(id, "ID"), draft(body, directionName));
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
    call.respond(
        new OptionsView(types.dropdownOptions(call.caller().orgId(), code, schemaName.strip())));
  }

  private static ActivityTypeDraft draft(ObjectNode body, String directionName) {
    return new ActivityTypeDraft(
        JsonValues.scalarText(body.get("ActivityEventName"), "ActivityEventName"),
        JsonValues.optionalInteger(body.get("Score"), "Score"),
        JsonValues.scalarText(
            body.get("Description"), "Description", ActivityType.MAX_DESCRIPTION_LENGTH),
        JsonValues.optionalInteger(body.get(directionName), directionName),
        JsonValues.optionalBoolean(body.get("TrackLocation"), "TrackLocation"),
        JsonValues.optionalBoolean(body.get("AllowAttachments"), "AllowAttachments"),
        JsonValues.optionalBoolean(body.get("ShowInActivityGrid"), "ShowInActivityGrid"),
        JsonValues.optionalBoolean(body.get("CanDeleteActivity"), "CanDeleteActivity"),
        JsonValues.optionalBoolean(body.get("IsActive"), "IsActive"),
        fieldDrafts(body.get("Fields")));
  }

  private static List<FieldDraft> fieldDrafts(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    List<FieldDraft> drafts = new ArrayList<>();
    for (JsonNode element : JsonValues.array(node, "Fields")) {
      ObjectNode field = JsonValues.object(element, "Each field");
      drafts.add(
          new FieldDraft(
              JsonValues.scalarText(field.get("SchemaName"), "SchemaName"),
              JsonValues.scalarText(
                  field.get("DisplayName"), "DisplayName", FieldDefinition.MAX_DISPLAY_NAME_LENGTH),
              JsonValues.scalarText(field.get("DataType"), "DataType"),
              JsonValues.optionalBoolean(field.get("IsMandatory"), "IsMandatory"),
              JsonValues.optionalBoolean(field.get("ShowInForm"), "ShowInForm"),
              JsonValues.optionalInteger(field.get("Sequence"), "Sequence"),
              options(field.get("OptionSet")),
              JsonValues.optionalBoolean(
                  field.get("IsMultiSelectDropdown"), "IsMultiSelectDropdown"),
              JsonValues.optionalInteger(field.get("MaxFieldLength"), "MaxFieldLength")));
    }
    return drafts;
  }

  /** OptionSet travels as a JSON-encoded string; an array is taken too. */
  private static List<DropdownOption> options(JsonNode node) {
    if (node == null || node.isNull() || node.isTextual() && node.textValue().isBlank()) {
      return List.of();
    }
    JsonNode list = node.isTextual() ? JsonValues.embedded(node.textValue(), "OptionSet") : node;
    if (!list.isArray()) {
      throw RuleViolationException.invalidInput("OptionSet", "It is a JSON array of options.");
    }
    List<DropdownOption> options = new ArrayList<>();
    for (JsonNode option : list) {
      if (!option.isObject()) {
        throw RuleViolationException.invalidInput("OptionSet", "Each option is a JSON object.");
      }
      String value =
          JsonValues.scalarText(option.get("Value"), "OptionSet.Value", DropdownOption.MAX_LENGTH);
      Integer order = JsonValues.optionalInteger(option.get("Order"), "OptionSet.Order");
      Boolean isDefault =
          JsonValues.optionalBoolean(option.get("IsDefault"), "OptionSet.IsDefault");
      options.add(
          new DropdownOption(
              value == null ? "" : value.strip(),
              JsonValues.scalarText(
                  option.get("Text"), "OptionSet.Text", DropdownOption.MAX_LENGTH),
              isDefault != null && isDefault,
              order == null ? options.size() : order));
    }
    return options;
  }
}
