package dev.leadtrail.activity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadtrail.error.RuleViolationException;
import dev.leadtrail.http.JsonValues;
import dev.leadtrail.lead.LeadId;
import dev.leadtrail.value.PageRequest;

/**
 * Which of a lead's activities a read lists: of one type when {@code eventCode} is given. Paged by
 * {@code Offset}/{@code RowCount}, as documented, or by {@code PageIndex}/{@code PageSize}, as some
 * clients send.
 */
public record LeadActivitiesQuery(LeadId leadId, Integer eventCode, PageRequest page) {

  private static final int DEFAULT_ROW_COUNT = 25;

  /** The {@code leadId} parameter and the body of {@code Retrieve}, as sent. */
  public static LeadActivitiesQuery from(String leadId, ObjectNode body) {
    LeadId lead = LeadId.parse(leadId, "leadId");
    ObjectNode parameter = RequestParts.optionalObject(body, "Parameter");
    ObjectNode paging = RequestParts.optionalObject(body, "Paging");
    Integer eventCode = JsonValues.optionalInteger(parameter.get("ActivityEvent"), "ActivityEvent");
    boolean byIndex = paging.has("PageIndex") || paging.has("PageSize");
    if (byIndex && (paging.has("Offset") || paging.has("RowCount"))) {
      throw RuleViolationException.invalidInput(
          "Paging", "Page by Offset and RowCount, or by PageIndex and PageSize, not both.");
    }
    if (byIndex) {
      return new LeadActivitiesQuery(
          lead, eventCode, RequestParts.pageAtIndex(paging, DEFAULT_ROW_COUNT));
    }
    var page =
        PageRequest.atOffset(
            RequestParts.bounded(
                JsonValues.optionalInteger(paging.get("Offset"), "Offset"),
                0,
                0,
                Integer.MAX_VALUE,
                "Offset"),
            RequestParts.bounded(
                JsonValues.optionalInteger(paging.get("RowCount"), "RowCount"),
                DEFAULT_ROW_COUNT,
                1,
                RequestParts.MAX_PAGE_SIZE,
                "RowCount"));
    return new LeadActivitiesQuery(lead, eventCode, page);
  }
}
