package dev.leadtrail.activity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadtrail.activitytype.EventCodes;
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
    RequestParts.Sorting order = RequestParts.sorting(sorting, 1);
    return new TypeQuery(
        eventCode,
        from == null ? Instant.EPOCH : from,
        to == null ? Instant.ofEpochMilli(Long.MAX_VALUE) : to,
        order.byCreatedOn(),
        order.newestFirst(),
        page,
        removeEmpty != null && removeEmpty);
  }
}
