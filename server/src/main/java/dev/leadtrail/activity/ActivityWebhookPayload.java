package dev.leadtrail.activity;

import dev.leadtrail.activitytype.SystemFields;
import dev.leadtrail.http.ApiTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of an activity webhook, as LeadSquared posts it (contract section 9): the activity's
 * ids, type and stamps, and {@code Data} with its status, owner, fields and note; an update adds
 * {@code Before} and {@code After}, the values of what it changed.
 */
final class ActivityWebhookPayload {

  /** The note's name in a webhook's body, as LeadSquared's activity webhooks carry it. */
  private static final String NOTE = "Note";

  private ActivityWebhookPayload() {}

  static Map<String, Object> created(TypedActivity typed) {
    return base(typed);
  }

  static Map<String, Object> updated(TypedActivity typed, List<ActivityChange> changes) {
    Map<String, Object> payload = base(typed);
    Map<String, String> before = new LinkedHashMap<>();
    Map<String, String> after = new LinkedHashMap<>();
    for (ActivityChange change : changes) {
      String name = change.field().equals(SystemFields.NOTE) ? NOTE : change.field();
      before.put(name, change.oldValue());
      after.put(name, change.newValue());
    }
    payload.put("Before", before);
    payload.put("After", after);
    return payload;
  }

  private static Map<String, Object> base(TypedActivity typed) {
    Activity activity = typed.activity();
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("ProspectActivityId", activity.id().value());
    payload.put("RelatedProspectId", activity.leadId().value());
    payload.put("ActivityEvent", String.valueOf(activity.eventCode()));
    payload.put("ActivityEventName", typed.type().name());
    payload.put("ActivityType", String.valueOf(ActivityViews.CUSTOM_ACTIVITY));
    payload.put("ActivityDateTime", ApiTime.format(activity.activityAt()));
    payload.put("CreatedBy", activity.createdBy().value());
    payload.put("CreatedOn", ApiTime.format(activity.createdAt()));
    payload.put("ModifiedBy", activity.modifiedBy().value());
    payload.put("ModifiedOn", ApiTime.format(activity.modifiedAt()));
    payload.put("Score", (double) activity.score());
    Map<String, String> data = new LinkedHashMap<>();
    data.put(SystemFields.STATUS, activity.status());
    data.put(SystemFields.OWNER, activity.owner().value());
    data.putAll(typed.currentFieldValues());
    data.put(NOTE, activity.note());
    payload.put("Data", data);
    return payload;
  }
}
