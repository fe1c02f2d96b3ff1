package dev.leadtrail.activity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadtrail.activitytype.EventCodes;
import dev.leadtrail.error.RuleViolationException;
import dev.leadtrail.http.JsonValues;
import java.util.List;
import java.util.Objects;

/**
 * An update of an activity's note and fields (contract section 5.1). {@code eventCode} is null when
 * not given; {@code note} is null to leave the note as it is; {@code fields} is empty to change
 * none. With {@code processFilesAsync}, URLs in File fields are fetched after the answer.
 */
public record ActivityUpdate(
    ActivityId id,
    Integer eventCode,
    String note,
    List<FieldInput> fields,
    boolean skipOptionCheck,
    boolean processFilesAsync) {

  public ActivityUpdate {
    Objects.requireNonNull(id);
    fields = List.copyOf(fields);
  }

  /** The body of an update, alone or as an item of a bulk update, as sent. */
  public static ActivityUpdate from(ObjectNode body) {
    String id = JsonValues.scalarText(body.get("ProspectActivityId"), "ProspectActivityId");
    if (id == null || id.isBlank()) {
      throw RuleViolationException.invalidInput("ProspectActivityId", "It is required.");
    }
    JsonNode event = body.get("ActivityEvent");
    Integer eventCode =
        event == null || event.isNull()
            ? null
            : EventCodes.parse(JsonValues.scalarText(event, "ActivityEvent"));
    return new ActivityUpdate(
        ActivityId.parse(id, "ProspectActivityId"),
        eventCode,
        JsonValues.scalarText(body.get("ActivityNote"), "ActivityNote"),
        RequestParts.fields(body.get("Fields")),
        RequestParts.skipOptionCheck(body),
        RequestParts.processFilesAsync(body));
  }
}
