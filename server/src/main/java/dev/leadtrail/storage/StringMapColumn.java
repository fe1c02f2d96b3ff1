package dev.leadtrail.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.util.Map;
import java.util.TreeMap;

/**
 * A column holding a map of strings as a JSON object, the same text on SQLite and PostgreSQL. Keys
 * are written in sorted order so that equal maps are stored as equal text.
 */
public final class StringMapColumn {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<TreeMap<String, String>> STRING_MAP = new TypeReference<>() {};
  private static final ObjectWriter WRITER = JSON.writerFor(STRING_MAP);
  private static final ObjectReader READER = JSON.readerFor(STRING_MAP);

  private StringMapColumn() {}

  public static String write(Map<String, String> values) {
    try {
      return WRITER.writeValueAsString(new TreeMap<>(values));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings could not be written as JSON", e);
    }
  }

  public static Map<String, String> read(String json) {
    try {
      return READER.readValue(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored map of strings is not a JSON object", e);
    }
  }
}
