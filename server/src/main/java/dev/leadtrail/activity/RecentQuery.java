package dev.leadtrail.activity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadtrail.activitytype.EventCodes;
import dev.leadtrail.http.JsonValues;
import dev.leadtrail.value.PageRequest;
import java.time.Instant;

/**
 * The activities of every type (or of {@code eventCode}) modified in a window, as {@code
 * RetrieveRecentlyModified} asks for them; rows carry the custom fields with {@code
 * includeCustomFields}.
 */
public record RecentQuery(
    Instant from,
    Instant to,
    Integer eventCode,
    boolean includeCustomFields,
    boolean byCreatedOn,
    boolean newestFirst,
    PageRequest page) {

  private static final int DEFAULT_PAGE_SIZE = 100;

  /** The body of {@code RetrieveRecentlyModified}, as sent. */
  public static RecentQuery from(ObjectNode body) {
    ObjectNode parameter = RequestParts.optionalObject(body, "Parameter");
    String event = JsonValues.scalarText(parameter.get("ActivityEvent"), "ActivityEvent");
    Boolean custom =
        JsonValues.optionalBoolean(parameter.get("IncludeCustomFields"), "IncludeCustomFields");
    RequestParts.Sorting order =
        RequestParts.sorting(RequestParts.optionalObject(body, "Sorting"), 0);
    return new RecentQuery(
        RequestParts.requiredTime(parameter, "FromDate"),
        RequestParts.requiredTime(parameter, "ToDate"),
        event == null || event.isBlank() ? null : EventCodes.parse(event),
        custom != null && custom,
        order.byCreatedOn(),
        order.newestFirst(),
        RequestParts.pageAtIndex(RequestParts.optionalObject(body, "Paging"), DEFAULT_PAGE_SIZE));
  }
}
