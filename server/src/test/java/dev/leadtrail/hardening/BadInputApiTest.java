package dev.leadtrail.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadtrail.config.LeadtrailConfig;
import dev.leadtrail.testing.ApiTestCase;
import dev.leadtrail.testing.Tenant;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Inputs an adversarial run found answered with a 500, stored as garbage, or costing seconds of
 * CPU: each must be refused cleanly, the same on both stores, and change nothing.
 */
abstract class BadInputApiTest extends ApiTestCase {

  private static final String ACTIVITIES = "/v2/ProspectActivity.svc/";
  private static final String TYPE =
      """
      {"ActivityEventName":"Probe","Fields":[
        {"SchemaName":"mx_Custom_1","DataType":"String"},
        {"SchemaName":"mx_Custom_4","DataType":"Number"},
        {"SchemaName":"mx_Custom_5","DataType":"Date"},
        {"SchemaName":"mx_Custom_6","DataType":"Dropdown",
         "OptionSet":"[{\\"Value\\":\\"Hot\\"},{\\"Value\\":\\"Cold\\"}]"}]}\
      """;

  private Tenant tenant;
  private String leadId;
  private String activityId;

  @Override
  protected LeadtrailConfig configure(LeadtrailConfig config) {
    return withoutRateLimits(config);
  }

  @BeforeAll
  void postAnActivity() {
    tenant = server.newTenant("Hardening");
    post("CreateType", TYPE);
    leadId = server.newLead(tenant, "Ann");
    activityId =
        json(post(
                "Create",
                "{\"RelatedProspectId\":\""
                    + leadId
                    + "\",\"ActivityEvent\":200,\"ActivityNote\":\"before\"}"))
            .get("Message")
            .get("Id")
            .asText();
  }

  @Test
  void aNumberFieldOfAMillionDigits_isRefusedWithoutParsingIt() {
    String value = "7".repeat(1_000_000);

    var response = update("{\"SchemaName\":\"mx_Custom_4\",\"Value\":\"" + value + "\"}");

    assertRefused(response, 500, "MXInvalidInputException");
    assertThat(message(response)).contains("mx_Custom_4").hasSizeLessThan(400);
  }

  @Test
  void aNumberField_takesThirtyEightDigitsEachSideOfThePoint() {
    String largest = "9".repeat(38) + "." + "9".repeat(38);

    assertThat(
            update("{\"SchemaName\":\"mx_Custom_4\",\"Value\":\"" + largest + "\"}").statusCode())
        .isEqualTo(200);
    assertRefused(
        update("{\"SchemaName\":\"mx_Custom_4\",\"Value\":\"1" + "0".repeat(38) + "\"}"),
        500,
        "MXInvalidInputException");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Offset", "RowCount"})
  void aPagingNumberOfAMillionDigits_isRefused(String parameter) {
    var response =
        post(
            "Retrieve?leadId=" + leadId,
            "{\"Paging\":{\"" + parameter + "\":\"" + "7".repeat(1_000_000) + "\"}}");

    assertRefused(response, 500, "MXInvalidInputException");
    assertThat(message(response)).contains(parameter).hasSizeLessThan(400);
  }

  @Test
  void theLastPageThereCouldBe_isEmptyNotAnOverflow() {
    var ofType =
        post(
            "CustomActivity/RetrieveByActivityEvent",
            "{\"Parameter\":{\"ActivityEvent\":200},"
                + "\"Paging\":{\"PageIndex\":2147483647,\"PageSize\":1000}}");
    var history =
        post(
            "RetrieveActivityChange",
            "{\"Parameter\":{\"FromDate\":\"2000-01-01 00:00:00\",\"ToDate\":\"2100-01-01 00:00:00\","
                + "\"ActivityID\":\""
                + activityId
                + "\"},\"Paging\":{\"PageIndex\":2147483647,\"PageSize\":1000}}");

    assertThat(ofType.statusCode()).as(ofType.body()).isEqualTo(200);
    assertThat(json(ofType).has("List")).as(ofType.body()).isFalse();
    assertThat(history.statusCode()).as(history.body()).isEqualTo(200);
    assertThat(json(history).get("Activities")).as(history.body()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e400", "-1e400", "1e999999999", "1e-400"})
  void aJsonNumberBeyondTheLimits_isABadRequestWhereverItStands(String number) {
    assertRefused(
        post(
            "CustomActivity/Update",
            "{\"ProspectActivityId\":\"" + activityId + "\",\"ActivityEvent\":" + number + "}"),
        400,
        "MXInvalidInputException");
    assertRefused(
        post(
            "CustomActivity/Update",
            "{\"ProspectActivityId\":\"" + activityId + "\",\"ActivityNote\":" + number + "}"),
        400,
        "MXInvalidInputException");
  }

  @Test
  void aBulkUpdateWithANumberBeyondTheLimits_isRefusedWholeAndAppliesNothing() {
    String body =
        """
        [{"ProspectActivityId":"%1$s","ActivityNote":"first"},
         {"ProspectActivityId":"%1$s","ActivityEvent":1e400},
         {"ProspectActivityId":"%1$s","ActivityNote":"third"}]\
        """
            .formatted(activityId);
    String before = note();

    assertRefused(post("Bulk/CustomActivity/Update", body), 400, "MXInvalidInputException");
    assertThat(note()).isEqualTo(before);
  }

  @Test
  void aBulkItemWithABadValue_failsAloneAndTheOthersApply() {
    String body =
        """
        [{"ProspectActivityId":"%1$s","ActivityNote":"first"},
         {"ProspectActivityId":"%1$s","ActivityNote":"second","Fields":[{"SchemaName":"mx_Custom_5","Value":"+999999999-01-01"}]},
         {"ProspectActivityId":"%1$s","ActivityNote":"third"}]\
        """
            .formatted(activityId);

    var response = post("Bulk/CustomActivity/Update", body);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode results = json(response).get("Response");
    assertThat(results).hasSize(3);
    assertThat(results.get(0).get("IsSuccessful").asBoolean()).isTrue();
    assertThat(results.get(1).get("IsSuccessful").asBoolean()).isFalse();
    assertThat(results.get(1).get("ExceptionType").asText()).isEqualTo("MXInvalidInputException");
    assertThat(results.get(2).get("IsSuccessful").asBoolean()).isTrue();
    assertThat(note()).isEqualTo("third");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"+999999999-12-31 23:59:59", "-999999999-01-01 00:00:00", "0000-01-01 00:00:00"})
  void aDateTimeOutsideYearsOneTo9999_isRefused(String time) {
    assertRefused(
        post(
            "Create",
            "{\"RelatedProspectId\":\""
                + leadId
                + "\",\"ActivityEvent\":200,\"ActivityDateTime\":\""
                + time
                + "\"}"),
        500,
        "MXInvalidInputException");
    for (String parameter : new String[] {"FromDate", "ToDate"}) {
      String other = parameter.equals("FromDate") ? "ToDate" : "FromDate";
      assertRefused(
          post(
              "RetrieveActivityChange",
              "{\"Parameter\":{\""
                  + parameter
                  + "\":\""
                  + time
                  + "\",\""
                  + other
                  + "\":\"2020-01-01 00:00:00\",\"ActivityID\":\""
                  + activityId
                  + "\"}}"),
          500,
          "MXInvalidInputException");
    }
  }

  @Test
  void aDateFieldOutsideYearsOneTo9999_isRefused() {
    assertRefused(
        update("{\"SchemaName\":\"mx_Custom_5\",\"Value\":\"+999999999-01-01\"}"),
        500,
        "MXInvalidInputException");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\\u0000", "\\ud800", "\\udc00x", "a\\ud800\\ud800"})
  void aNulOrALoneSurrogate_isABadRequestInAnyText(String escaped) {
    assertRefused(
        post(
            "CustomActivity/Update",
            "{\"ProspectActivityId\":\""
                + activityId
                + "\",\"ActivityNote\":\"x"
                + escaped
                + "\"}"),
        400,
        "MXInvalidInputException");
    assertRefused(
        post("CreateType", "{\"ActivityEventName\":\"Nul" + escaped + "\"}"),
        400,
        "MXInvalidInputException");
    assertRefused(
        server.postJson(
            "/v2/LeadManagement.svc/Lead.Create?" + tenant.keyQuery(),
            "[{\"Attribute\":\"FirstName\",\"Value\":\"Nul" + escaped + "\"}]"),
        400,
        "MXInvalidInputException");
    assertThat(note()).doesNotContain("\u0000", "?");
  }

  @Test
  void aNulInAQueryParameter_isABadRequest() {
    assertRefused(
        server.get(
            "/v2/LeadManagement.svc/Leads.GetByEmailaddress?emailaddress=a%00@b.example&"
                + tenant.keyQuery()),
        400,
        "MXInvalidInputException");
  }

  @Test
  void aPairedSurrogate_isStoredAsSent() {
    String note = "emoji \uD83D\uDE00";

    var response =
        post(
            "CustomActivity/Update",
            "{\"ProspectActivityId\":\"" + activityId + "\",\"ActivityNote\":\"" + note + "\"}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(note()).isEqualTo(note);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Description", "DisplayName", "OptionValue", "OptionText"})
  void anOverlongTypeText_isRefused(String what) {
    String huge = "d".repeat(100_000);
    String field =
        switch (what) {
          case "DisplayName" ->
              "{\"SchemaName\":\"mx_Custom_1\",\"DataType\":\"String\",\"DisplayName\":\""
                  + huge
                  + "\"}";
          case "OptionValue" ->
              "{\"SchemaName\":\"mx_Custom_1\",\"DataType\":\"Dropdown\",\"OptionSet\":[{\"Value\":\""
                  + huge
                  + "\"}]}";
          case "OptionText" ->
              "{\"SchemaName\":\"mx_Custom_1\",\"DataType\":\"Dropdown\",\"OptionSet\":[{\"Value\":\"a\",\"Text\":\""
                  + huge
                  + "\"}]}";
          default -> "{\"SchemaName\":\"mx_Custom_1\",\"DataType\":\"String\"}";
        };
    String description = what.equals("Description") ? huge : "short";

    var response =
        post(
            "CreateType",
            "{\"ActivityEventName\":\"Long "
                + what
                + "\",\"Description\":\""
                + description
                + "\",\"Fields\":["
                + field
                + "]}");

    assertRefused(response, 500, "MXInvalidInputException");
    assertThat(message(response)).hasSizeLessThan(400);
  }

  @Test
  void aDropdownValueOutsideTheOptions_isBoundedEvenWhenOptionsAreNotChecked() {
    var response =
        post(
            "CustomActivity/Update",
            "{\"ProspectActivityId\":\""
                + activityId
                + "\",\"ValidateDropDownOptions\":true,"
                + "\"Fields\":[{\"SchemaName\":\"mx_Custom_6\",\"Value\":\""
                + "v".repeat(10_000)
                + "\"}]}");

    assertRefused(response, 500, "MXInvalidInputException");
    assertThat(message(response)).contains("mx_Custom_6").hasSizeLessThan(400);
  }

  @Test
  void anOverlongNote_isRefused() {
    assertRefused(
        post(
            "CustomActivity/Update",
            "{\"ProspectActivityId\":\""
                + activityId
                + "\",\"ActivityNote\":\""
                + "n".repeat(64_001)
                + "\"}"),
        500,
        "MXInvalidInputException");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"a\":1234567890123456789012345678901234567890123}",
        "[1,2",
        "{\"a\":1}x",
        "\"\""
      })
  void aParseError_isToldInTheContractsWordsWithoutJacksonsNames(String body) {
    var response = post("CustomActivity/Update", body);

    assertRefused(response, 400, "MXInvalidInputException");
    assertThat(message(response))
        .doesNotContainIgnoringCase("jackson")
        .doesNotContain("StreamReadConstraints", "com.fasterxml", "JsonNode");
  }

  @Test
  void aDeeplyNestedBody_isABadRequest() {
    var response = post("CustomActivity/Update", "[".repeat(5_000) + "]".repeat(5_000));

    assertRefused(response, 400, "MXInvalidInputException");
    assertThat(message(response)).doesNotContain("StreamReadConstraints", "com.fasterxml");
  }

  private HttpResponse<String> update(String field) {
    return post(
        "CustomActivity/Update",
        "{\"ProspectActivityId\":\"" + activityId + "\",\"Fields\":[" + field + "]}");
  }

  private HttpResponse<String> post(String operation, String body) {
    String separator = operation.contains("?") ? "&" : "?";
    return server.postJson(ACTIVITIES + operation + separator + tenant.keyQuery(), body);
  }

  private String note() {
    var details =
        json(
            server.get(
                ACTIVITIES
                    + "GetActivityDetails?activityId="
                    + activityId
                    + "&"
                    + tenant.keyQuery()));
    for (JsonNode field : details.get("Fields")) {
      if (field.get("SchemaName").asText().equals("ActivityEvent_Note")) {
        return field.get("Value").asText();
      }
    }
    throw new AssertionError("no note in " + details);
  }

  private static String message(HttpResponse<String> response) {
    return json(response).get("ExceptionMessage").asText();
  }

  static void assertRefused(HttpResponse<String> response, int status, String exceptionType) {
    assertThat(response.statusCode()).as(abbreviated(response.body())).isEqualTo(status);
    JsonNode body = json(response);
    assertThat(body.get("Status").asText()).isEqualTo("Error");
    assertThat(body.get("ExceptionType").asText())
        .as(abbreviated(response.body()))
        .isEqualTo(exceptionType);
  }

  private static String abbreviated(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "...";
  }
}
