package dev.leadtrail.activity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadtrail.error.RuleViolationException;
import dev.leadtrail.http.JsonValues;

/**
 * The body of {@code Attachment/Add}, as sent: the activity, the attachment's name and description,
 * and its file, a stored name or an http(s) URL to fetch.
 */
public record AttachmentDraft(ActivityId activityId, String name, String description, String file) {

  static final int MAX_NAME_LENGTH = 200;
  static final int MAX_DESCRIPTION_LENGTH = 2_000;

  public static AttachmentDraft from(ObjectNode body) {
    String activity = JsonValues.scalarText(body.get("ProspectActivityId"), "ProspectActivityId");
    if (activity == null || activity.isBlank()) {
      throw RuleViolationException.invalidInput("ProspectActivityId", "It is required.");
    }
    String file = JsonValues.scalarText(body.get("AttachmentFile"), "AttachmentFile");
    if (file == null || file.isBlank()) {
      throw RuleViolationException.invalidInput(
          "AttachmentFile", "Name a stored file, or an http(s) URL to fetch.");
    }
    String name = orEmpty(JsonValues.scalarText(body.get("AttachmentName"), "AttachmentName"));
    String description = orEmpty(JsonValues.scalarText(body.get("Description"), "Description"));
    if (name.length() > MAX_NAME_LENGTH) {
      throw RuleViolationException.invalidInput(
          "AttachmentName", "It is longer than " + MAX_NAME_LENGTH + " characters.");
    }
    if (description.length() > MAX_DESCRIPTION_LENGTH) {
      throw RuleViolationException.invalidInput(
          "Description", "It is longer than " + MAX_DESCRIPTION_LENGTH + " characters.");
    }
    return new AttachmentDraft(
        ActivityId.parse(activity, "ProspectActivityId"), name, description, file.strip());
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text.strip();
  }
}
