package dev.leadtrail.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.leadtrail.error.ErrorType;

/** The contract's error envelope (section 3). */
@JsonPropertyOrder({"Status", "ExceptionType", "ExceptionMessage"})
record ErrorBody(
    @JsonProperty("Status") String status,
    @JsonProperty("ExceptionType") String exceptionType,
    @JsonProperty("ExceptionMessage") String exceptionMessage) {

  static ErrorBody of(ErrorType type, String message) {
    return new ErrorBody("Error", type.wireName(), message);
  }
}
