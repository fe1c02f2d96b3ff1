package dev.leadtrail.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadtrail.error.MalformedRequestException;
import java.io.IOException;

/** Reads request bodies and writes answers. No Jackson exception leaves this class. Thread-safe. */
public final class Json {

  private final ObjectMapper mapper =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  /** Parses a whole body; anything that is not exactly one JSON value is a malformed request. */
  public JsonNode parse(byte[] body) {
    try {
      return mapper.readTree(body);
    } catch (JacksonException e) {
      throw new MalformedRequestException(
          "The request body is not valid JSON: " + describe(e) + ".");
    } catch (IOException e) {
      throw new MalformedRequestException("The request body cannot be read.");
    }
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

  /** Jackson's own words for what is wrong and where, without echoing the body back. */
  private static String describe(JacksonException e) {
    String message = e.getOriginalMessage();
    int cut = message.indexOf('\n');
    String reason = cut < 0 ? message : message.substring(0, cut);
    var location = e.getLocation();
    if (location == null || location.getLineNr() < 0) {
      return reason;
    }
    return reason + " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }
}
