package dev.leadtrail.activity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadtrail.activitytype.EventCodes;
import dev.leadtrail.activitytype.SystemFields;
import dev.leadtrail.error.RuleViolationException;
import dev.leadtrail.http.ApiTime;
import dev.leadtrail.http.JsonValues;
import dev.leadtrail.lead.LeadAttribute;
import dev.leadtrail.lead.LeadId;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An activity to post (contract section 5.2). The lead is named by {@code leadId}, or else by
 * {@code leadEmail}, with {@code leadAttributes} to create it from when it does not exist yet. Null
 * where the client sent nothing; {@code id} is null but for activities seeded with a known id.
 */
@RecordBuilder
public record NewActivity(
    ActivityId id,
    LeadId leadId,
    String leadEmail,
    List<LeadAttribute> leadAttributes,
    Integer eventCode,
    String note,
    Instant activityAt,
    List<FieldInput> fields,
    boolean skipOptionCheck,
    boolean processFilesAsync) {

  /** The lead's attributes a Create body may carry, to create the lead from. */
  private static final List<String> LEAD_ATTRIBUTES =
      List.of("EmailAddress", "FirstName", "LastName", "Phone");

  public NewActivity {
    leadAttributes = List.copyOf(leadAttributes);
    fields = List.copyOf(fields);
  }

  /** The {@code Activity} of a {@code CreateCustom} body, as sent: its lead comes with it. */
  public static NewActivity onLeadToFind(ObjectNode activity) {
    for (String name : List.of("RelatedProspectId", "EmailAddress")) {
      if (activity.has(name)) {
        throw RuleViolationException.invalidInput(
            name, "CreateCustom names the lead in LeadDetails, not in Activity.");
      }
    }
    return from(activity);
  }

  /**
   * An item of {@code Bulk/CustomActivity/Add}, on {@code leadId}: its {@code ActivityOwnerEmail}
   * sets the activity's Owner.
   */
  public static NewActivity bulkItem(ObjectNode item, LeadId leadId) {
    NewActivity activity = from(item);
    String owner = JsonValues.scalarText(item.get("ActivityOwnerEmail"), "ActivityOwnerEmail");
    List<FieldInput> fields = new ArrayList<>(activity.fields());
    if (owner != null && !owner.isBlank()) {
      fields.add(new FieldInput(SystemFields.OWNER, owner.strip()));
    }
    return NewActivityBuilder.builder(activity)
        .leadId(leadId)
        .leadEmail(null)
        .leadAttributes(List.of())
        .fields(fields)
        .build();
  }

  /** The body of {@code Create}, as sent. */
  public static NewActivity from(ObjectNode body) {
    String leadId = JsonValues.scalarText(body.get("RelatedProspectId"), "RelatedProspectId");
    String email = JsonValues.scalarText(body.get("EmailAddress"), "EmailAddress");
    List<LeadAttribute> leadAttributes = new ArrayList<>();
    for (String name : LEAD_ATTRIBUTES) {
      String value = JsonValues.scalarText(body.get(name), name);
      if (value != null) {
        leadAttributes.add(new LeadAttribute(name, value));
      }
    }
    JsonValues.optionalBoolean(body.get("IncludeLeadScore"), "IncludeLeadScore");
    return NewActivityBuilder.builder()
        .leadId(
            leadId == null || leadId.isBlank() ? null : LeadId.parse(leadId, "RelatedProspectId"))
        .leadEmail(email)
        .leadAttributes(leadAttributes)
        .eventCode(
            EventCodes.parse(JsonValues.scalarText(body.get("ActivityEvent"), "ActivityEvent")))
        .note(JsonValues.scalarText(body.get("ActivityNote"), "ActivityNote"))
        .activityAt(
            ApiTime.parse(
                JsonValues.scalarText(body.get("ActivityDateTime"), "ActivityDateTime"),
                "ActivityDateTime"))
        .fields(RequestParts.fields(body.get("Fields")))
        .skipOptionCheck(RequestParts.skipOptionCheck(body))
        .processFilesAsync(RequestParts.processFilesAsync(body))
        .build();
  }
}
