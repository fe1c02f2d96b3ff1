package dev.leadtrail.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The answer of a write call: {@code {"Status":"Success","Message":{...}}} (contract section 1).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"Status", "Message"})
public record Success(
    @JsonProperty("Status") String status, @JsonProperty("Message") Message message) {

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"Id", "RelatedId", "IsCreated", "AffectedRows"})
  public record Message(
      @JsonProperty("Id") String id,
      @JsonProperty("RelatedId") String relatedId,
      @JsonProperty("IsCreated") Boolean isCreated,
      @JsonProperty("AffectedRows") Integer affectedRows) {}

  /** {@code {"Status":"Success"}}, for calls that answer nothing more. */
  public static Success plain() {
    return new Success("Success", null);
  }

  public static Success withId(String id) {
    return new Success("Success", new Message(id, null, null, null));
  }

  public static Success withIdAndRelatedId(String id, String relatedId) {
    return new Success("Success", new Message(id, relatedId, null, null));
  }

  public static Success withIdAndAffectedRows(String id, int affectedRows) {
    return new Success("Success", new Message(id, null, null, affectedRows));
  }

  /** A lead captured: its id, whether it was created now, and the one row affected. */
  public static Success captured(String id, boolean created) {
    return new Success("Success", new Message(id, null, created, 1));
  }

  public static Success withAffectedRows(int affectedRows) {
    return new Success("Success", new Message(null, null, null, affectedRows));
  }
}
