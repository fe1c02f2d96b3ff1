package dev.leadtrail.activity;

import dev.leadtrail.lead.LeadAttribute;
import dev.leadtrail.lead.LeadId;
import java.time.Instant;
import java.util.List;

/**
 * An activity to post (contract section 5.2). The lead is named by {@code leadId}, or else by
 * {@code leadEmail}, with {@code leadAttributes} to create it from when it does not exist yet. Null
 * where the client sent nothing; {@code id} is null but for activities seeded with a known id.
 */
public record NewActivity(
    ActivityId id,
    LeadId leadId,
    String leadEmail,
    List<LeadAttribute> leadAttributes,
    Integer eventCode,
    String note,
    Instant activityAt,
    List<FieldInput> fields,
    boolean skipOptionCheck) {

  public NewActivity {
    leadAttributes = List.copyOf(leadAttributes);
    fields = List.copyOf(fields);
  }
}
