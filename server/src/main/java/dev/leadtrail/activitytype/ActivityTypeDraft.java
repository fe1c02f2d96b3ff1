package dev.leadtrail.activitytype;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadtrail.error.RuleViolationException;
import dev.leadtrail.http.JsonValues;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * An activity type as a client sends it to create or change one: null where the client sent nothing
 * (on a change: leave it as it is). {@code fields}, when given, is the type's whole set of custom
 * fields.
 */
@RecordBuilder
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
    return ActivityTypeDraftBuilder.builder()
        .name(JsonValues.scalarText(body.get("ActivityEventName"), "ActivityEventName"))
        .score(JsonValues.optionalInteger(body.get("Score"), "Score"))
        .description(
            JsonValues.scalarText(
                body.get("Description"), "Description", ActivityType.MAX_DESCRIPTION_LENGTH))
        .direction(JsonValues.optionalInteger(body.get(directionName), directionName))
        .trackLocation(JsonValues.optionalBoolean(body.get("TrackLocation"), "TrackLocation"))
        .allowAttachments(
            JsonValues.optionalBoolean(body.get("AllowAttachments"), "AllowAttachments"))
        .showInActivityGrid(
            JsonValues.optionalBoolean(body.get("ShowInActivityGrid"), "ShowInActivityGrid"))
        .canDeleteActivity(
            JsonValues.optionalBoolean(body.get("CanDeleteActivity"), "CanDeleteActivity"))
        .active(JsonValues.optionalBoolean(body.get("IsActive"), "IsActive"))
        .fields(fieldDrafts(body.get("Fields")))
        .build();
  }

  private static List<FieldDraft> fieldDrafts(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    List<FieldDraft> drafts = new ArrayList<>();
    for (JsonNode element : JsonValues.array(node, "Fields")) {
      ObjectNode field = JsonValues.object(element, "Each field");
      drafts.add(fieldDraft(field));
    }
    return drafts;
  }

  /** A field, with the sub-fields of a custom field set in its own {@code Fields}. */
  private static FieldDraft fieldDraft(ObjectNode field) {
    return FieldDraftBuilder.builder()
        .schemaName(JsonValues.scalarText(field.get("SchemaName"), "SchemaName"))
        .displayName(
            JsonValues.scalarText(
                field.get("DisplayName"), "DisplayName", FieldDefinition.MAX_DISPLAY_NAME_LENGTH))
        .dataType(JsonValues.scalarText(field.get("DataType"), "DataType"))
        .mandatory(JsonValues.optionalBoolean(field.get("IsMandatory"), "IsMandatory"))
        .showInForm(JsonValues.optionalBoolean(field.get("ShowInForm"), "ShowInForm"))
        .sequence(JsonValues.optionalInteger(field.get("Sequence"), "Sequence"))
        .options(options(field.get("OptionSet")))
        .multiSelect(
            JsonValues.optionalBoolean(field.get("IsMultiSelectDropdown"), "IsMultiSelectDropdown"))
        .maxFieldLength(JsonValues.optionalInteger(field.get("MaxFieldLength"), "MaxFieldLength"))
        .subFields(fieldDrafts(field.get("Fields")))
        .build();
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
