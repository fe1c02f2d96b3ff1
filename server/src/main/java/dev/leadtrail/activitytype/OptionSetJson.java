package dev.leadtrail.activitytype;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.leadtrail.http.JsonValues;
import java.util.List;

/**
 * A field's options as LeadSquared sends them: a JSON-encoded string of {@code
 * [{"Value","Text","IsDefault","Order"}]}, or {@code ""} when the field has none.
 */
public final class OptionSetJson {

  @JsonPropertyOrder({"Value", "Text", "IsDefault", "Order"})
  private record OptionView(
      @JsonProperty("Value") String value,
      @JsonProperty("Text") String text,
      @JsonProperty("IsDefault") boolean isDefault,
      @JsonProperty("Order") int order) {}

  private OptionSetJson() {}

  public static String encode(List<DropdownOption> options) {
    if (options.isEmpty()) {
      return "";
    }
    return JsonValues.encode(
        options.stream()
            .map(o -> new OptionView(o.value(), o.text(), o.isDefault(), o.order()))
            .toList());
  }
}
