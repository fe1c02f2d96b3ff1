package dev.leadtrail.activity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadtrail.activitytype.EventCodes;
import dev.leadtrail.error.RuleViolationException;
import dev.leadtrail.http.ApiTime;
import dev.leadtrail.http.JsonValues;
import dev.leadtrail.value.PageRequest;
import java.time.Instant;

/**
 * How a list of one type's activities is cut and ordered, and whether its rows leave out empty
 * values.
 */
public record TypeQuery(
    int eventCode,
    Instant from,
    Instant to,
    boolean byCreatedOn,
    boolean newestFirst,
    PageRequest page,
    boolean removeEmptyValues) {

  private static final int DEFAULT_PAGE_SIZE = 100;

  /** The body of {@code CustomActivity/RetrieveByActivityEvent}, as sent. */
  public static TypeQuery from(ObjectNode body) {
    ObjectNode parameter = RequestParts.optionalObject(body, "Parameter");
    ObjectNode paging = RequestParts.optionalObject(body, "Paging");
    ObjectNode sorting = RequestParts.optionalObject(body, "Sorting");
    int eventCode =
        EventCodes.parse(JsonValues.scalarText(parameter.get("ActivityEvent"), "ActivityEvent"));
    Instant from =
        ApiTime.parse(JsonValues.scalarText(parameter.get("FromDate"), "FromDate"), "FromDate");
    Instant to = ApiTime.parse(JsonValues.scalarText(parameter.get("ToDate"), "ToDate"), "ToDate");
    Boolean removeEmpty =
        JsonValues.optionalBoolean(parameter.get("RemoveEmptyValue"), "RemoveEmptyValue");
    PageRequest page = RequestParts.pageAtIndex(paging, DEFAULT_PAGE_SIZE);
    String column = JsonValues.scalarText(sorting.get("ColumnName"), "ColumnName");
    boolean byCreatedOn = column != null && column.strip().equalsIgnoreCase("CreatedOn");
    if (column != null
        && !byCreatedOn
        && !column.isBlank()
        && !column.strip().equalsIgnoreCase("ModifiedOn")) {
      throw RuleViolationException.invalidInput("ColumnName", "Sort by ModifiedOn or CreatedOn.");
    }
    int direction =
        RequestParts.bounded(
            JsonValues.optionalInteger(sorting.get("Direction"), "Direction"),
            1,
            0,
            1,
            "Direction");
    return new TypeQuery(
        eventCode,
        from == null ? Instant.EPOCH : from,
        to == null ? Instant.ofEpochMilli(Long.MAX_VALUE) : to,
        byCreatedOn,
        direction == 1,
        page,
        removeEmpty != null && removeEmpty);
  }
}
