package dev.leadtrail.activity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadtrail.error.RuleViolationException;
import dev.leadtrail.http.ApiTime;
import dev.leadtrail.http.JsonValues;
import dev.leadtrail.value.PageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The parts that several activity requests share, read from their JSON bodies as sent. */
final class RequestParts {

  static final int MAX_PAGE_SIZE = 1000;

  private RequestParts() {}

  /**
   * The Fields of an activity write: absent or null is none; each entry an object, which for a
   * custom field set holds the set's own Fields (one level deep).
   */
  static List<FieldInput> fields(JsonNode node) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    return fields(node, true);
  }

  private static List<FieldInput> fields(JsonNode node, boolean mayNest) {
    List<FieldInput> fields = new ArrayList<>();
    for (JsonNode element : JsonValues.array(node, "Fields")) {
      ObjectNode field = JsonValues.object(element, "Each field");
      // CreateCustom's samples name a field by Attribute as well as by SchemaName.
      String schemaName =
          field.has("SchemaName")
              ? JsonValues.scalarText(field.get("SchemaName"), "SchemaName")
              : JsonValues.scalarText(field.get("Attribute"), "SchemaName");
      if (schemaName == null || schemaName.isBlank()) {
        throw RuleViolationException.invalidInput("SchemaName", "Each field needs a SchemaName.");
      }
      String name = schemaName.strip();
      JsonNode nested = field.get("Fields");
      List<FieldInput> subFields = null;
      if (nested != null && !nested.isNull()) {
        if (!mayNest) {
          throw RuleViolationException.invalidInput(
              name, "A field of a custom field set holds no Fields of its own.");
        }
        subFields = fields(nested, false);
      }
      fields.add(new FieldInput(name, JsonValues.scalarText(field.get("Value"), name), subFields));
    }
    return fields;
  }

  static boolean skipOptionCheck(ObjectNode body) {
    Boolean skip =
        JsonValues.optionalBoolean(body.get("ValidateDropDownOptions"), "ValidateDropDownOptions");
    return skip != null && skip;
  }

  /** {@code ProcessFilesAsync}: whether URLs in File fields are fetched after the answer. */
  static boolean processFilesAsync(ObjectNode body) {
    Boolean async = JsonValues.optionalBoolean(body.get("ProcessFilesAsync"), "ProcessFilesAsync");
    return async != null && async;
  }

  /** An object member that may be left out: then an empty object. */
  static ObjectNode optionalObject(ObjectNode body, String name) {
    JsonNode node = body.get(name);
    return node == null || node.isNull() ? body.objectNode() : JsonValues.object(node, name);
  }

  static Instant requiredTime(JsonNode parameter, String name) {
    Instant time = ApiTime.parse(JsonValues.scalarText(parameter.get(name), name), name);
    if (time == null) {
      throw RuleViolationException.invalidInput(name, "It is required.");
    }
    return time;
  }

  /** How a windowed list is ordered: by CreatedOn or ModifiedOn, newest or oldest first. */
  record Sorting(boolean byCreatedOn, boolean newestFirst) {}

  /**
   * {@code Sorting}: {@code ColumnName} ModifiedOn (default) or CreatedOn, {@code Direction} 1
   * (newest first) or 0, defaulting to {@code defaultDirection}.
   */
  static Sorting sorting(ObjectNode sorting, int defaultDirection) {
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
            defaultDirection,
            0,
            1,
            "Direction");
    return new Sorting(byCreatedOn, direction == 1);
  }

  /** {@code PageIndex} from 1 and {@code PageSize} up to 1000, as the read calls take them. */
  static PageRequest pageAtIndex(JsonNode paging, int defaultSize) {
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

  static int bounded(Integer value, int fallback, int min, int max, String parameter) {
    int chosen = value == null ? fallback : value;
    if (chosen < min || chosen > max) {
      throw RuleViolationException.invalidInput(
          parameter, "It must be from " + min + " to " + max + ", not " + chosen + ".");
    }
    return chosen;
  }
}
