package dev.leadtrail.activity;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.util.List;

/** The values one update changed, stored together as {@code [{"Field","OldValue","NewValue"}]}. */
final class ChangeListColumn {

  record Entry(
      @JsonProperty("Field") String field,
      @JsonProperty("OldValue") String oldValue,
      @JsonProperty("NewValue") String newValue) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<Entry>> ENTRIES = new TypeReference<>() {};
  private static final ObjectWriter WRITER = JSON.writerFor(ENTRIES);

  private ChangeListColumn() {}

  static String write(List<ActivityChange> changes) {
    try {
      return WRITER.writeValueAsString(
          changes.stream().map(c -> new Entry(c.field(), c.oldValue(), c.newValue())).toList());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("changes could not be written as JSON", e);
    }
  }

  static List<Entry> read(String json) {
    try {
      return JSON.readValue(json, ENTRIES);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored changes are not a JSON array", e);
    }
  }
}
