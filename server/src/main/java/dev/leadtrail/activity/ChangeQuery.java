package dev.leadtrail.activity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadtrail.activitytype.EventCodes;
import dev.leadtrail.error.RuleViolationException;
import dev.leadtrail.http.JsonValues;
import dev.leadtrail.value.PageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Which changes a history read covers: one activity, or the activities of some types. */
public record ChangeQuery(
    Instant from, Instant to, ActivityId activityId, List<Integer> eventCodes, PageRequest page) {

  private static final int DEFAULT_PAGE_SIZE = 25;

  public ChangeQuery {
    eventCodes = eventCodes == null ? List.of() : List.copyOf(eventCodes);
  }

  /** The body of {@code RetrieveActivityChange}, as sent. */
  public static ChangeQuery from(ObjectNode body) {
    JsonNode parameter = RequestParts.optionalObject(body, "Parameter");
    JsonNode paging = RequestParts.optionalObject(body, "Paging");
    Instant from = RequestParts.requiredTime(parameter, "FromDate");
    Instant to = RequestParts.requiredTime(parameter, "ToDate");
    String activityId = JsonValues.scalarText(parameter.get("ActivityID"), "ActivityID");
    JsonNode events = parameter.get("ActivityEvents");
    boolean byActivity = activityId != null && !activityId.isBlank();
    boolean byEvents = events != null && !events.isNull();
    if (byActivity == byEvents) {
      throw RuleViolationException.invalidInput(
          "ActivityID", "Give either ActivityID or ActivityEvents, not both and not neither.");
    }
    List<Integer> eventCodes = new ArrayList<>();
    if (byEvents) {
      for (JsonNode code : JsonValues.array(events, "ActivityEvents")) {
        eventCodes.add(EventCodes.parse(JsonValues.scalarText(code, "ActivityEvents")));
      }
    }
    return new ChangeQuery(
        from,
        to,
        byActivity ? ActivityId.parse(activityId, "ActivityID") : null,
        eventCodes,
        RequestParts.pageAtIndex(paging, DEFAULT_PAGE_SIZE));
  }
}
