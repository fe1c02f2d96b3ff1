package dev.leadtrail.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadtrail.error.Echo;
import dev.leadtrail.error.MalformedRequestException;
import dev.leadtrail.error.RuleViolationException;
import dev.leadtrail.value.PlainDecimal;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads request values at the edge. Clients send scalars as strings ({@code "Value":"1"}) or as
 * numbers and booleans; both are accepted wherever a scalar is due (contract section 1). A value of
 * the wrong JSON shape is a malformed request naming the parameter.
 */
public final class JsonValues {

  /**
   * The longest text any scalar takes: a Text field's 64,000 characters. Parameters with a tighter
   * rule of their own check it where they are read.
   */
  public static final int MAX_TEXT_LENGTH = 64_000;

  /** Enough for any int, with a sign and a fraction of zeros ({@code "25.0"}). */
  private static final int MAX_WHOLE_NUMBER_LENGTH = 20;

  private static final Json EMBEDDED = new Json();
  private static final ObjectMapper WRITER = new ObjectMapper();

  private JsonValues() {}

  /**
   * A scalar as text: a string as it is, a number in plain notation ({@code 1e3} is {@code 1000}),
   * a boolean as {@code true}/{@code false}; null when absent or null. Text over {@link
   * #MAX_TEXT_LENGTH} characters is refused.
   */
  public static String scalarText(JsonNode node, String parameter) {
    return scalarText(node, parameter, MAX_TEXT_LENGTH);
  }

  /**
   * As {@link #scalarText(JsonNode, String)}, with text of at most {@code maxLength} characters.
   */
  public static String scalarText(JsonNode node, String parameter, int maxLength) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isTextual()) {
      String text = node.textValue();
      if (text.length() > maxLength && text.codePointCount(0, text.length()) > maxLength) {
        throw RuleViolationException.invalidInput(
            parameter,
            "The value has "
                + text.codePointCount(0, text.length())
                + " characters; at most "
                + maxLength
                + " are allowed.");
      }
      return text;
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
    String stripped = text.strip();
    try {
      if (stripped.length() <= MAX_WHOLE_NUMBER_LENGTH) {
        Optional<BigDecimal> number = PlainDecimal.parse(stripped);
        if (number.isPresent()) {
          return number.get().intValueExact();
        }
      }
    } catch (ArithmeticException e) {
      // answered below
    }
    throw RuleViolationException.invalidInput(
        parameter,
        Echo.quoted(stripped) + " is not a whole number from -2147483648 to 2147483647.");
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
              parameter, Echo.quoted(text) + " is not true or false.");
    };
  }

  /** JSON carried inside a string value, as LeadSquared sends OptionSet. */
  public static JsonNode embedded(String text, String parameter) {
    try {
      return EMBEDDED.parse(text.getBytes(StandardCharsets.UTF_8));
    } catch (MalformedRequestException e) {
      throw RuleViolationException.invalidInput(parameter, "The value is not valid JSON.");
    }
  }

  /** A value written as JSON text, to be carried inside a string value. */
  public static String encode(Object value) {
    try {
      return WRITER.writeValueAsString(value);
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
