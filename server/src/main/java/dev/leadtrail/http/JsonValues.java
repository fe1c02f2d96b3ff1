package dev.leadtrail.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadtrail.error.MalformedRequestException;
import dev.leadtrail.error.RuleViolationException;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Reads request values at the edge. Clients send scalars as strings ({@code "Value":"1"}) or as
 * numbers and booleans; both are accepted wherever a scalar is due (contract section 1). A value of
 * the wrong JSON shape is a malformed request naming the parameter.
 */
public final class JsonValues {

  private static final ObjectMapper EMBEDDED = new ObjectMapper();

  private JsonValues() {}

  /**
   * A scalar as text: a string as it is, a number in plain notation ({@code 1e3} is {@code 1000}),
   * a boolean as {@code true}/{@code false}; null when absent or null.
   */
  public static String scalarText(JsonNode node, String parameter) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isNumber()) {
      return node.decimalValue().stripTrailingZeros().toPlainString();
    }
    if (node.isBoolean()) {
      return String.valueOf(node.booleanValue());
    }
    throw new MalformedRequestException(
        parameter + " must be a string or a number, not " + ApiCall.kind(node) + ".");
  }

  /** An optional whole number, sent as a number or a string; absent, null or "" give null. */
  public static Integer optionalInteger(JsonNode node, String parameter) {
    String text = scalarText(node, parameter);
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(new BigDecimal(text.strip()).intValueExact());
    } catch (NumberFormatException | ArithmeticException e) {
      throw RuleViolationException.invalidInput(parameter, "'" + text + "' is not a whole number.");
    }
  }

  /** An optional flag: true/false as booleans or strings, or 1/0; absent, null or "" give null. */
  public static Boolean optionalBoolean(JsonNode node, String parameter) {
    String text = scalarText(node, parameter);
    if (text == null || text.isBlank()) {
      return null;
    }
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "true", "1" -> Boolean.TRUE;
      case "false", "0" -> Boolean.FALSE;
      default ->
          throw RuleViolationException.invalidInput(
              parameter, "'" + text + "' is not true or false.");
    };
  }

  /** JSON carried inside a string value, as LeadSquared sends OptionSet. */
  public static JsonNode embedded(String text, String parameter) {
    try {
      return EMBEDDED.readTree(text);
    } catch (JsonProcessingException e) {
      throw RuleViolationException.invalidInput(parameter, "The value is not valid JSON.");
    }
  }

  /** A value written as JSON text, to be carried inside a string value. */
  public static String encode(Object value) {
    try {
      return EMBEDDED.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a value could not be written as JSON", e);
    }
  }

  public static ObjectNode object(JsonNode node, String parameter) {
    if (node instanceof ObjectNode object) {
      return object;
    }
    throw new MalformedRequestException(
        parameter + " must be a JSON object, not " + ApiCall.kind(node) + ".");
  }

  public static ArrayNode array(JsonNode node, String parameter) {
    if (node instanceof ArrayNode array) {
      return array;
    }
    throw new MalformedRequestException(
        parameter + " must be a JSON array, not " + ApiCall.kind(node) + ".");
  }
}
