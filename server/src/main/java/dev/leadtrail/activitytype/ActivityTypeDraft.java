package dev.leadtrail.activitytype;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadtrail.error.RuleViolationException;
import dev.leadtrail.http.JsonValues;
import java.util.ArrayList;
import java.util.List;

/**
 * An activity type as a client sends it to create or change one: null where the client sent nothing
 * (on a change: leave it as it is). {@code fields}, when given, is the type's whole set of custom
 * fields.
 */
public record ActivityTypeDraft(
    String name,
    Integer score,
    String description,
    Integer direction,
    Boolean trackLocation,
    Boolean allowAttachments,
    Boolean showInActivityGrid,
    Boolean canDeleteActivity,
    Boolean active,
    List<FieldDraft> fields) {

  public ActivityTypeDraft {
    fields = fields == null ? null : List.copyOf(fields);
  }

  /**
   * The body of {@code CreateType} or {@code CustomActivityType/Update}, as sent; the direction
   * comes under {@code directionName}.
   */
  public static ActivityTypeDraft from(ObjectNode body, String directionName) {
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
