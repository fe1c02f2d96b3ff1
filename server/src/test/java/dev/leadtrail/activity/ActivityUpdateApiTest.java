package dev.leadtrail.activity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadtrail.config.LeadtrailConfig;
import dev.leadtrail.testing.ApiTestCase;
import dev.leadtrail.testing.Tenant;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Contract sections 5.1, 5.6 and 5.7: the update call, its history, and bulk updates. */
abstract class ActivityUpdateApiTest extends ApiTestCase {

  private static final String ACTIVITIES = "/v2/ProspectActivity.svc/";
  private static final String TYPE =
      """
      {"ActivityEventName":"Call","Fields":[
        {"SchemaName":"mx_Custom_1","DataType":"String"},
        {"SchemaName":"mx_Custom_2","DataType":"Number","IsMandatory":true},
        {"SchemaName":"mx_Custom_3","DataType":"Dropdown",
         "OptionSet":"[{\\"Value\\":\\"Hot\\"},{\\"Value\\":\\"Cold\\"}]"}]}\
      """;

  record Posted(Tenant tenant, String leadId, String activityId) {}

  @Override
  protected LeadtrailConfig configure(LeadtrailConfig config) {
    return withoutRateLimits(config);
  }

  private Posted posted(String name) {
    Tenant tenant = server.newTenant(name);
    post(tenant, "CreateType", TYPE);
    post(tenant, "CreateType", "{\"ActivityEventName\":\"Other\"}");
    String lead = server.newLead(tenant, "Ann");
    var created =
        post(
            tenant,
            "Create",
            """
            {"RelatedProspectId":"%s","ActivityEvent":200,"ActivityNote":"before",
             "Fields":[{"SchemaName":"mx_Custom_1","Value":"one"},{"SchemaName":"mx_Custom_2","Value":"1"}]}\
            """
                .formatted(lead));
    return new Posted(tenant, lead, json(created).get("Message").get("Id").asText());
  }

  private JsonNode details(Posted posted) {
    return json(
        server.get(
            ACTIVITIES
                + "GetActivityDetails?activityId="
                + posted.activityId()
                + "&"
                + posted.tenant().keyQuery()));
  }

  private static String value(JsonNode details, String schemaName) {
    for (JsonNode field : details.get("Fields")) {
      if (field.get("SchemaName").asText().equals(schemaName)) {
        return field.get("Value").asText();
      }
    }
    throw new AssertionError("no field " + schemaName);
  }

  @Test
  void update_changesTheNoteAndNamedFieldsAndAnswersTheActivitysId() {
    Posted posted = posted("Update");
    Tenant tenant = posted.tenant();

    var response =
        post(
            tenant,
            "CustomActivity/Update",
            """
            {"ProspectActivityId":"%s","ActivityEvent":200,"ActivityNote":"after","ProcessFilesAsync":true,
             "ValidateDropDownOptions":false,
             "Fields":[{"SchemaName":"MX_CUSTOM_3","Value":"hot"},{"SchemaName":"mx_Custom_1","Value":""},
                       {"SchemaName":"Status","Value":""},{"SchemaName":"Owner","Value":"%s"}]}\
            """
                .formatted(posted.activityId(), tenant.email()));

    assertThat(response.body())
        .isEqualTo("{\"Status\":\"Success\",\"Message\":{\"Id\":\"" + posted.activityId() + "\"}}");
    JsonNode details = details(posted);
    assertThat(value(details, "ActivityEvent_Note")).isEqualTo("after");
    assertThat(value(details, "mx_Custom_1")).isEmpty();
    assertThat(value(details, "mx_Custom_2")).isEqualTo("1");
    assertThat(value(details, "mx_Custom_3")).isEqualTo("Hot");
    assertThat(value(details, "Status")).as("\"\" leaves Status").isEqualTo("Active");
    assertThat(value(details, "Owner")).isEqualTo(tenant.userId().value());
  }

  @Test
  void update_withoutNoteOrFields_leavesThemAndStillRecordsTheModification() {
    Posted posted = posted("Nothing");

    var response =
        post(
            posted.tenant(),
            "CustomActivity/Update",
            "{\"ProspectActivityId\":\""
                + posted.activityId()
                + "\",\"ActivityNote\":null,\"Fields\":null}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(value(details(posted), "ActivityEvent_Note")).isEqualTo("before");
    JsonNode row =
        json(post(
                posted.tenant(),
                "CustomActivity/RetrieveByActivityEvent",
                "{\"Parameter\":{\"ActivityEvent\":200}}"))
            .get("List")
            .get(0);
    assertThat(row.get("ModifiedBy").asText()).isEqualTo(posted.tenant().userId().value());
  }

  @Test
  void update_withAnEmptyNote_clearsIt() {
    Posted posted = posted("Clear");

    post(
        posted.tenant(),
        "CustomActivity/Update",
        "{\"ProspectActivityId\":\"" + posted.activityId() + "\",\"ActivityNote\":\"\"}");

    assertThat(value(details(posted), "ActivityEvent_Note")).isEmpty();
  }

  @Test
  void badUpdates_answerTheirMxTypeAndChangeNothing() {
    Posted posted = posted("Refused");
    Tenant tenant = posted.tenant();
    Posted elsewhere = posted("Elsewhere");
    String id = posted.activityId();
    List<String[]> cases = new ArrayList<>();
    cases.add(new String[] {"MXInvalidInputException", "{\"ActivityNote\":\"x\"}"});
    cases.add(new String[] {"MXInvalidInputException", "{\"ProspectActivityId\":\"not-a-guid\"}"});
    cases.add(
        new String[] {
          "MXUnknownProspectActivityException",
          "{\"ProspectActivityId\":\"0b7e6c1e-0000-4000-8000-000000000000\",\"ActivityNote\":\"x\"}"
        });
    cases.add(
        new String[] {
          "MXUnknownProspectActivityException",
          "{\"ProspectActivityId\":\"" + elsewhere.activityId() + "\",\"ActivityNote\":\"x\"}"
        });
    cases.add(new String[] {"MXInvalidActivityException", update(id, 201, "")});
    cases.add(
        new String[] {
          "MXInvalidActivityException",
          "{\"ProspectActivityId\":\"" + id + "\",\"ActivityEvent\":\"abc\",\"ActivityNote\":\"x\"}"
        });
    cases.add(
        new String[] {
          "MXUnknownAttributeException",
          update(id, 200, "{\"SchemaName\":\"mx_Custom_9\",\"Value\":\"x\"}")
        });
    cases.add(
        new String[] {
          "MXInvalidInputException",
          update(
              id,
              200,
              "{\"SchemaName\":\"mx_Custom_1\",\"Value\":\"a\"},{\"SchemaName\":\"MX_custom_1\",\"Value\":\"b\"}")
        });
    cases.add(new String[] {"MXInvalidInputException", update(id, 200, "{\"Value\":\"x\"}")});
    cases.add(
        new String[] {
          "MXInvalidInputException",
          update(id, 200, "{\"SchemaName\":\"mx_Custom_1\",\"Value\":null}")
        });
    cases.add(
        new String[] {
          "MXMandatoryAttributeMissingException",
          update(id, 200, "{\"SchemaName\":\"mx_Custom_2\",\"Value\":\"\"}")
        });
    cases.add(
        new String[] {
          "MXInvalidInputException",
          update(
              id,
              200,
              "{\"SchemaName\":\"mx_Custom_1\",\"Value\":\"ok\"},{\"SchemaName\":\"mx_Custom_2\",\"Value\":\"NaN\"}")
        });
    cases.add(
        new String[] {
          "MXInvalidInputException",
          update(id, 200, "{\"SchemaName\":\"mx_Custom_3\",\"Value\":\"Warm\"}")
        });
    cases.add(
        new String[] {
          "MXInvalidInputException",
          update(
              id,
              200,
              "{\"SchemaName\":\"Owner\",\"Value\":\"" + elsewhere.tenant().userId() + "\"}")
        });
    cases.add(
        new String[] {
          "MXInvalidInputException",
          update(id, 200, "{\"SchemaName\":\"Status\",\"Value\":\"Sleeping\"}")
        });
    for (String[] c : cases) {
      var response = post(tenant, "CustomActivity/Update", c[1]);
      assertThat(response.statusCode()).as(c[1] + " -> " + response.body()).isEqualTo(500);
      assertThat(json(response).get("ExceptionType").asText()).as(c[1]).isEqualTo(c[0]);
    }
    assertThat(
            post(
                    tenant,
                    "CustomActivity/Update",
                    "{\"ProspectActivityId\":\"" + id + "\",\"Fields\":{}}")
                .statusCode())
        .isEqualTo(400);
    assertThat(
            post(
                    tenant,
                    "CustomActivity/Update",
                    update(id, 200, "{\"SchemaName\":\"mx_Custom_1\",\"Value\":[1]}"))
                .statusCode())
        .isEqualTo(400);
    assertThat(post(tenant, "CustomActivity/Update", update(id, 200, "null")).statusCode())
        .as("Fields: [null] is the wrong shape")
        .isEqualTo(400);

    JsonNode details = details(posted);
    assertThat(value(details, "mx_Custom_1")).isEqualTo("one");
    assertThat(value(details, "ActivityEvent_Note")).isEqualTo("before");
    assertThat(json(history(tenant, "\"ActivityID\":\"" + id + "\"")).get("RecordCount").asInt())
        .isZero();
    assertThat(value(details(elsewhere), "ActivityEvent_Note")).isEqualTo("before");
  }

  @Test
  void validateDropDownOptions_onUpdate_skipsOnlyTheOptionCheck() {
    Posted posted = posted("Skip");
    String id = posted.activityId();

    var accepted =
        post(
            posted.tenant(),
            "CustomActivity/Update",
            """
            {"ProspectActivityId":"%s","ValidateDropDownOptions":true,
             "Fields":[{"SchemaName":"mx_Custom_3","Value":"Warm"}]}\
            """
                .formatted(id));
    var refused =
        post(
            posted.tenant(),
            "CustomActivity/Update",
            """
            {"ProspectActivityId":"%s","ValidateDropDownOptions":true,
             "Fields":[{"SchemaName":"mx_Custom_3","Value":"Warm"},{"SchemaName":"mx_Custom_2","Value":""}]}\
            """
                .formatted(id));

    assertThat(accepted.statusCode()).isEqualTo(200);
    assertThat(value(details(posted), "mx_Custom_3")).isEqualTo("Warm");
    assertThat(json(refused).get("ExceptionType").asText())
        .isEqualTo("MXMandatoryAttributeMissingException");
  }

  @Test
  void update_afterItsTypeChanges_isCheckedAgainstTheNewDefinition() {
    Posted posted = posted("Redefined");
    Tenant tenant = posted.tenant();
    String warm =
        update(posted.activityId(), 200, "{\"SchemaName\":\"mx_Custom_3\",\"Value\":\"Warm\"}");
    assertRuleError(post(tenant, "CustomActivity/Update", warm), "MXInvalidInputException");
    String typeId =
        json(server.get(ACTIVITIES + "ActivityTypes.Get?" + tenant.keyQuery()))
            .get(0)
            .get("ID")
            .asText();

    var redefined =
        post(
            tenant,
            "CustomActivityType/Update",
            """
            {"ID":"%s","Fields":[
              {"SchemaName":"mx_Custom_1","DataType":"String"},
              {"SchemaName":"mx_Custom_2","DataType":"Number","IsMandatory":true},
              {"SchemaName":"mx_Custom_3","DataType":"Dropdown",
               "OptionSet":"[{\\"Value\\":\\"Hot\\"},{\\"Value\\":\\"Warm\\"}]"}]}\
            """
                .formatted(typeId));

    assertThat(redefined.statusCode()).as(redefined.body()).isEqualTo(200);
    assertThat(post(tenant, "CustomActivity/Update", warm).statusCode()).isEqualTo(200);
    assertThat(value(details(posted), "mx_Custom_3")).isEqualTo("Warm");
  }

  @Test
  void retrieveActivityChange_listsEachChangedValueWithWhoAndWhen() {
    Posted posted = posted("History");
    Tenant tenant = posted.tenant();
    post(
        tenant,
        "CustomActivity/Update",
        update(posted.activityId(), 200, "{\"SchemaName\":\"mx_Custom_1\",\"Value\":\"two\"}"));
    post(
        tenant,
        "CustomActivity/Update",
        """
        {"ProspectActivityId":"%s","ActivityNote":"after","Fields":[{"SchemaName":"mx_Custom_1","Value":"two"}]}\
        """
            .formatted(posted.activityId()));

    JsonNode byId = json(history(tenant, "\"ActivityID\":\"" + posted.activityId() + "\""));
    JsonNode byEvent = json(history(tenant, "\"ActivityEvents\":[200,\"201\"]"));

    assertThat(byId.get("RecordCount").asInt()).isEqualTo(1);
    JsonNode entry = byId.get("Activities").get(0);
    assertThat(entry.get("Activity").get("ProspectActivityId").asText())
        .isEqualTo(posted.activityId());
    assertThat(entry.get("Activity").get("RelatedProspectId").asText()).isEqualTo(posted.leadId());
    assertThat(entry.get("Activity").get("ActivityEvent").asText()).isEqualTo("200");
    JsonNode changes = entry.get("Changes");
    assertThat(changes).hasSize(2);
    assertThat(changes.get(0).get("Field").asText()).isEqualTo("mx_Custom_1");
    assertThat(changes.get(0).get("OldValue").asText()).isEqualTo("one");
    assertThat(changes.get(0).get("NewValue").asText()).isEqualTo("two");
    assertThat(changes.get(0).get("ModifiedBy").asText()).isEqualTo(tenant.userId().value());
    assertThat(changes.get(0).get("ModifiedOn").asText())
        .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
    assertThat(changes.get(1).get("Field").asText()).isEqualTo("ActivityEvent_Note");
    assertThat(byEvent.get("RecordCount").asInt()).isEqualTo(1);
  }

  @Test
  void retrieveActivityChange_refusesBadQueries() {
    Posted posted = posted("HistoryRules");
    Tenant tenant = posted.tenant();
    String id = "\"ActivityID\":\"" + posted.activityId() + "\"";

    assertRuleError(history(tenant, id + ",\"ActivityEvents\":[200]"), "MXInvalidInputException");
    assertRuleError(
        post(tenant, "RetrieveActivityChange", "{\"Parameter\":{}}"), "MXInvalidInputException");
    assertRuleError(
        post(
            tenant,
            "RetrieveActivityChange",
            "{\"Parameter\":{\"ToDate\":\"2100-01-01 00:00:00\"," + id + "}}"),
        "MXInvalidInputException");
    assertRuleError(
        post(
            tenant,
            "RetrieveActivityChange",
            "{\"Parameter\":{\"FromDate\":\"2100-01-01 00:00:00\",\"ToDate\":\"2000-01-01"
                + " 00:00:00\","
                + id
                + "}}"),
        "MXInvalidInputException");
    assertRuleError(
        post(
            tenant,
            "RetrieveActivityChange",
            "{\"Parameter\":{\"FromDate\":\"2000-01-01 00:00:00\",\"ToDate\":\"2100-01-01"
                + " 00:00:00\","
                + id
                + "},\"Paging\":{\"PageIndex\":1,\"PageSize\":1001}}"),
        "MXInvalidInputException");
  }

  @Test
  void bulkUpdate_appliesEachItemOnItsOwnAndAnswersOneResultPerItemInOrder() {
    Posted first = posted("BulkA");
    Tenant tenant = first.tenant();
    String second =
        json(post(
                tenant,
                "Create",
                """
                {"RelatedProspectId":"%s","ActivityEvent":200,"Fields":[{"SchemaName":"mx_Custom_2","Value":"2"}]}\
                """
                    .formatted(first.leadId())))
            .get("Message")
            .get("Id")
            .asText();
    String missing = "0b7e6c1e-0000-4000-8000-000000000000";

    var response =
        post(
            tenant,
            "Bulk/CustomActivity/Update",
            """
            [{"ProspectActivityId":"%s","ActivityNote":"bulk one"},
             {"ProspectActivityId":"%s","Fields":[{"SchemaName":"mx_Custom_1","Value":"bulk two"}]},
             {"ProspectActivityId":"%s","ActivityNote":"nowhere"},
             {"ProspectActivityId":"%s","Fields":[{"SchemaName":"mx_Custom_2","Value":"x"}]},
             "not an item",
             {"ProspectActivityId":"%s","Fields":[{"SchemaName":"mx_Custom_3","Value":"Cold"}]}]\
            """
                .formatted(first.activityId(), second, missing, second, first.activityId()));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode results = json(response).get("Response");
    assertThat(results).hasSize(6);
    assertThat(results)
        .extracting(r -> r.get("IsSuccessful").asBoolean())
        .containsExactly(true, true, false, false, false, true);
    assertThat(results.get(0).get("ProspectActivityId").asText()).isEqualTo(first.activityId());
    assertThat(results.get(0).has("ExceptionType")).isFalse();
    assertThat(results.get(2).get("ProspectActivityId").asText()).isEqualTo(missing);
    assertThat(results.get(2).get("ExceptionType").asText())
        .isEqualTo("MXUnknownProspectActivityException");
    assertThat(results.get(3).get("ExceptionType").asText()).isEqualTo("MXInvalidInputException");
    assertThat(results.get(4).get("ExceptionType").asText()).isEqualTo("MXInvalidInputException");
    assertThat(value(details(first), "ActivityEvent_Note")).isEqualTo("bulk one");
    assertThat(value(details(first), "mx_Custom_3")).isEqualTo("Cold");
    assertThat(value(details(new Posted(tenant, first.leadId(), second)), "mx_Custom_1"))
        .isEqualTo("bulk two");
    assertThat(value(details(new Posted(tenant, first.leadId(), second)), "mx_Custom_2"))
        .isEqualTo("2");
  }

  @Test
  void bulkUpdate_ofNoneOrMoreThan25Items_appliesNone() {
    Posted posted = posted("BulkSize");
    StringBuilder items = new StringBuilder("[");
    for (int i = 0; i < 26; i++) {
      items
          .append(i == 0 ? "" : ",")
          .append("{\"ProspectActivityId\":\"")
          .append(posted.activityId())
          .append("\",\"ActivityNote\":\"n")
          .append(i)
          .append("\"}");
    }
    items.append("]");

    assertRuleError(
        post(posted.tenant(), "Bulk/CustomActivity/Update", items.toString()),
        "MXInvalidInputException");
    assertRuleError(
        post(posted.tenant(), "Bulk/CustomActivity/Update", "[]"), "MXInvalidInputException");
    assertThat(post(posted.tenant(), "Bulk/CustomActivity/Update", "{}").statusCode())
        .isEqualTo(400);
    assertThat(value(details(posted), "ActivityEvent_Note")).isEqualTo("before");
  }

  private static String update(String id, int eventCode, String fields) {
    return "{\"ProspectActivityId\":\""
        + id
        + "\",\"ActivityEvent\":"
        + eventCode
        + ",\"Fields\":["
        + fields
        + "]}";
  }

  private HttpResponse<String> history(Tenant tenant, String filter) {
    return post(
        tenant,
        "RetrieveActivityChange",
        "{\"Parameter\":{\"FromDate\":\"2000-01-01 00:00:00\",\"ToDate\":\"2100-01-01 00:00:00\","
            + filter
            + "}}");
  }

  private HttpResponse<String> post(Tenant tenant, String operation, String body) {
    return server.postJson(ACTIVITIES + operation + "?" + tenant.keyQuery(), body);
  }

  private static void assertRuleError(HttpResponse<String> response, String exceptionType) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(500);
    assertThat(json(response).get("ExceptionType").asText())
        .as(response.body())
        .isEqualTo(exceptionType);
  }
}
