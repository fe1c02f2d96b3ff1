package dev.leadtrail.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadtrail.error.MalformedRequestException;

/**
 * Reads request values at the edge. Clients send scalars as strings ({@code "Value":"1"}) or as
 * numbers and booleans; both are accepted wherever a scalar is due (contract section 1). A value
 * of the wrong JSON shape is a malformed request naming the parameter.
 */
public final class JsonValues {

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
