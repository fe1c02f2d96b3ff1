package dev.leadtrail.activity;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadtrail.activitytype.ActivityTypeService;
import dev.leadtrail.activitytype.EventCodes;
import dev.leadtrail.error.RuleViolationException;
import dev.leadtrail.http.ApiTime;
import dev.leadtrail.http.JsonValues;
import dev.leadtrail.lead.LeadId;
import dev.leadtrail.lead.LeadService;
import dev.leadtrail.outbound.OutboundClient;
import dev.leadtrail.outbound.OutboundFailure;
import dev.leadtrail.storage.Database;
import dev.leadtrail.user.Caller;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deleting activities and activity types. {@code DeleteActivities}: the custom activities of listed
 * types on one lead, optionally within dates, deleted with their history, fetches and attachments
 * in one write before the answer (which still says, as LeadSquared's does, that the request was
 * queued); the outcome is then POSTed to {@code StatusWebhookURL} through the outbound guard, a few
 * times at most. Thread-safe.
 */
public final class ActivityDeletion {

  /** A DeleteActivities body, as sent. */
  public record Request(
      LeadId leadId, List<Integer> eventCodes, Instant from, Instant to, String statusUrl) {

    public static Request from(ObjectNode body) {
      String lead = JsonValues.scalarText(body.get("ProspectId"), "ProspectId");
      if (lead == null || lead.isBlank()) {
        throw RuleViolationException.invalidInput("ProspectId", "It is required.");
      }
      List<Integer> codes = new ArrayList<>();
      var list = body.get("ActivityEventList");
      if (list == null || list.isNull()) {
        throw RuleViolationException.invalidInput("ActivityEventList", "It is required.");
      }
      for (var code : JsonValues.array(list, "ActivityEventList")) {
        codes.add(EventCodes.parse(JsonValues.scalarText(code, "ActivityEventList")));
      }
      if (codes.isEmpty()) {
        throw RuleViolationException.invalidInput(
            "ActivityEventList", "Name at least one activity event.");
      }
      Instant from =
          ApiTime.parse(JsonValues.scalarText(body.get("FromDate"), "FromDate"), "FromDate");
      Instant to = ApiTime.parse(JsonValues.scalarText(body.get("ToDate"), "ToDate"), "ToDate");
      String url = JsonValues.scalarText(body.get("StatusWebhookURL"), "StatusWebhookURL");
      return new Request(
          LeadId.parse(lead, "ProspectId"),
          List.copyOf(codes),
          from == null ? Instant.EPOCH : from,
          to == null ? Instant.ofEpochMilli(Long.MAX_VALUE) : to,
          url == null || url.isBlank() ? null : url.strip());
    }
  }

  /** What the status webhook receives. */
  record Status(
      @JsonProperty("Status") String status,
      @JsonProperty("ProspectId") String prospectId,
      @JsonProperty("ActivityEventList") List<Integer> activityEventList,
      @JsonProperty("DeletedCount") int deletedCount) {}

  private static final Logger log = LoggerFactory.getLogger(ActivityDeletion.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<Duration> CALLBACK_WAITS =
      List.of(Duration.ZERO, Duration.ofSeconds(2), Duration.ofSeconds(10));

  private final Database database;
  private final ActivityRepository activities;
  private final ActivityTypeService types;
  private final LeadService leads;
  private final OutboundClient outbound;

  public ActivityDeletion(
      Database database, ActivityTypeService types, LeadService leads, OutboundClient outbound) {
    this.database = database;
    this.activities = new ActivityRepository(database);
    this.types = types;
    this.leads = leads;
    this.outbound = outbound;
  }

  /** Deletes what the request names; answers how many activities. */
  public int delete(Caller caller, Request request) {
    if (request.from().isAfter(request.to())) {
      throw RuleViolationException.invalidInput("FromDate", "FromDate is after ToDate.");
    }
    if (request.statusUrl() != null) {
      try {
        outbound.requireAllowed(request.statusUrl());
      } catch (OutboundFailure e) {
        throw RuleViolationException.invalidInput(
            "StatusWebhookURL", "It cannot be called: " + e.getMessage() + ".");
      }
    }
    leads.requireLead(caller.orgId(), request.leadId());
    request.eventCodes().forEach(code -> types.byEventCode(caller.orgId(), code));
    int deleted =
        database.write(
            () ->
                activities.deleteOfLead(
                    caller.orgId(),
                    request.leadId(),
                    request.eventCodes(),
                    request.from(),
                    request.to()));
    if (request.statusUrl() != null) {
      var status = new Status("Success", request.leadId().value(), request.eventCodes(), deleted);
      Thread.ofVirtual()
          .name("leadtrail-delete-status")
          .start(() -> tell(request.statusUrl(), status));
    }
    return deleted;
  }

  /**
   * Deletes an activity type, or deactivates it when activities are of it; answers which. The check
   * and the change are one write.
   */
  public ActivityTypeService.Deletion deleteType(Caller caller, int eventCode) {
    return types.delete(caller, eventCode, type -> activities.anyOfType(caller.orgId(), type.id()));
  }

  private void tell(String url, Status status) {
    byte[] body;
    try {
      body = JSON.writeValueAsBytes(status);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a status is always JSON", e);
    }
    String host = URI.create(url).getHost();
    String last = "";
    for (Duration wait : CALLBACK_WAITS) {
      try {
        Thread.sleep(wait);
        int code = outbound.post(url, "application/json", body);
        if (code >= 200 && code < 300) {
          return;
        }
        last = "HTTP " + code;
      } catch (OutboundFailure e) {
        last = e.getMessage();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    log.warn("The delete-activities status could not be delivered to {}: {}", host, last);
  }
}
