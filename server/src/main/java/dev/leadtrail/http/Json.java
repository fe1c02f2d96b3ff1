package dev.leadtrail.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadtrail.error.MalformedRequestException;
import dev.leadtrail.value.PlainDecimal;
import dev.leadtrail.value.StorableText;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/**
 * Reads request bodies and writes answers. No Jackson exception leaves this class. Thread-safe.
 *
 * <p>A body is refused before any operation sees it when it nests deeper than {@link #MAX_NESTING},
 * holds a number beyond {@link PlainDecimal}'s limits, or holds text that no store keeps as sent
 * ({@link StorableText}). Floating-point numbers are read as exact decimals, never as doubles, so
 * {@code 1e400} is a number too large rather than an infinity.
 */
public final class Json {

  /** Deeper than any body of the API (a field's option set sits at depth four). */
  static final int MAX_NESTING = 32;

  private static final int MAX_NAME_LENGTH = 1_000;

  private final ObjectMapper mapper =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(MAX_NESTING)
                          .maxNumberLength(PlainDecimal.MAX_TEXT_LENGTH)
                          .maxNameLength(MAX_NAME_LENGTH)
                          .build())
                  .build())
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  /** Parses a whole body; anything that is not exactly one acceptable JSON value is malformed. */
  public JsonNode parse(byte[] body) {
    JsonNode tree;
    try {
      tree = mapper.readTree(body);
    } catch (JacksonException e) {
      throw new MalformedRequestException(
          "The request body is not valid JSON: " + describe(e) + ".");
    } catch (IOException e) {
      throw new MalformedRequestException("The request body cannot be read.");
    }
    requireAcceptable(tree, "the body");
    return tree;
  }

  public ObjectNode emptyObject() {
    return mapper.createObjectNode();
  }

  public byte[] write(Object value) {
    try {
      return mapper.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an answer could not be written as JSON", e);
    }
  }

  private static void requireAcceptable(JsonNode node, String where) {
    if (node.isTextual()) {
      requireStorable(node.textValue(), where);
    } else if (node.isBigDecimal() || node.isBigInteger()) {
      if (!PlainDecimal.withinLimits(node.decimalValue())) {
        throw new MalformedRequestException(
            "The number in "
                + where
                + " is out of range: numbers have "
                + PlainDecimal.LIMITS
                + ".");
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        requireAcceptable(element, where);
      }
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> property : node.properties()) {
        requireStorable(property.getKey(), "a property name");
        requireAcceptable(property.getValue(), '"' + property.getKey() + '"');
      }
    }
  }

  private static void requireStorable(String text, String where) {
    if (!StorableText.isStorable(text)) {
      throw new MalformedRequestException(
          "The text in "
              + where
              + " holds a NUL character or half of a UTF-16 surrogate pair, which no text may"
              + " hold.");
    }
  }

  /** What is wrong and where, in the contract's words, without echoing the body back. */
  private static String describe(JacksonException e) {
    String reason =
        switch (e) {
          case StreamConstraintsException limit -> brokenLimit(limit.getOriginalMessage());
          default -> ownWords(e.getOriginalMessage());
        };
    var location = e.getLocation();
    if (location == null || location.getLineNr() < 0) {
      return reason;
    }
    return reason + " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }

  private static String brokenLimit(String message) {
    String lower = message.toLowerCase(Locale.ROOT);
    if (lower.contains("nesting")) {
      return "it nests deeper than " + MAX_NESTING + " levels";
    }
    if (lower.contains("number")) {
      return "a number is longer than " + PlainDecimal.MAX_TEXT_LENGTH + " characters";
    }
    if (lower.contains("name")) {
      return "a property name is longer than " + MAX_NAME_LENGTH + " characters";
    }
    return "a value is too long";
  }

  /**
   * Jackson's description of a syntax error, which is plain enough ("Unexpected character"), cut at
   * the first mention of its own class or feature names.
   */
  private static String ownWords(String message) {
    if (message.startsWith("Trailing token")) {
      return "something follows the JSON value";
    }
    int cut = message.indexOf('\n');
    String reason = cut < 0 ? message : message.substring(0, cut);
    int internal = reason.indexOf('`');
    if (internal >= 0) {
      reason = reason.substring(0, internal).strip();
      if (reason.endsWith("(") || reason.endsWith(":")) {
        reason = reason.substring(0, reason.length() - 1).strip();
      }
    }
    return reason.isEmpty() ? "it is malformed" : reason;
  }
}
