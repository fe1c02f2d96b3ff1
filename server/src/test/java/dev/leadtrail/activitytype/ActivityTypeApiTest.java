package dev.leadtrail.activitytype;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadtrail.testing.ApiTestCase;
import dev.leadtrail.testing.Tenant;
import dev.leadtrail.user.Role;
import dev.leadtrail.user.UserId;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Contract section 5.8, as a client calls it. */
abstract class ActivityTypeApiTest extends ApiTestCase {

  private static final String SERVICE = "/v2/ProspectActivity.svc/";
  private static final String OPTIONS =
      "[{\\\"Value\\\":\\\"Hot\\\",\\\"Text\\\":\\\"Hot"
          + " lead\\\",\\\"IsDefault\\\":true,\\\"Order\\\":0},"
          + "{\\\"Value\\\":\\\"Cold\\\",\\\"Text\\\":\\\"\\\",\\\"IsDefault\\\":false,\\\"Order\\\":1}]";

  static String typeBody(String name) {
    return """
    {"ActivityEventName":"%s","Score":"5","Description":"Calls to the lead","Direction":1,
     "Fields":[
      {"SchemaName":"mx_Custom_1","DisplayName":"Topic","DataType":"String","MaxFieldLength":20},
      {"SchemaName":"MX_CUSTOM_2","DisplayName":"Temperature","DataType":"Dropdown",
       "OptionSet":"%s","IsMandatory":true},
      {"SchemaName":"mx_Custom_3","DataType":"Number","Sequence":9}]}\
    """
        .formatted(name, OPTIONS);
  }

  @Test
  void createType_allocatesEventCodesFrom200AndListsTheTypes() {
    Tenant tenant = server.newTenant("Types");

    var first = post(tenant, "CreateType", typeBody("Phone Call"));
    var second = post(tenant, "CreateType", "{\"ActivityEventName\":\"Visit\"}");

    assertThat(first.body()).isEqualTo("{\"Status\":\"Success\",\"Message\":{\"Id\":\"200\"}}");
    assertThat(json(second).get("Message").get("Id").asText()).isEqualTo("201");
    JsonNode types = json(server.get(SERVICE + "ActivityTypes.Get?" + tenant.keyQuery()));
    assertThat(types).hasSize(2);
    JsonNode call = types.get(0);
    assertThat(call.get("ActivityEvent").asInt()).isEqualTo(200);
    assertThat(call.get("ActivityEventName").asText()).isEqualTo("Phone Call");
    assertThat(call.get("Score").asInt()).isEqualTo(5);
    assertThat(call.get("Direction").asInt()).isEqualTo(1);
    assertThat(call.get("Description").asText()).isEqualTo("Calls to the lead");
    assertThat(call.get("IsActive").asBoolean()).isTrue();
    assertThat(call.get("ID").asText()).matches("[0-9a-f-]{36}");
  }

  @Test
  void getActivitySetting_showsTheSystemFieldsThenTheCustomOnesWithTheOptionSetAsAString()
      throws Exception {
    Tenant tenant = server.newTenant("Settings");
    post(tenant, "CreateType", typeBody("Meeting"));

    JsonNode setting =
        json(
            server.get(
                SERVICE + "CustomActivity/GetActivitySetting?code=200&" + tenant.keyQuery()));

    assertThat(setting.get("Name").asText()).isEqualTo("Meeting");
    assertThat(setting.get("DisplayName").asText()).isEqualTo("Meeting");
    JsonNode fields = setting.get("Fields");
    assertThat(fields)
        .extracting(f -> f.get("SchemaName").asText())
        .containsExactly(
            "ActivityEvent_Note", "Status", "Owner", "mx_Custom_1", "mx_Custom_2", "mx_Custom_3");
    JsonNode status = fields.get(1);
    assertThat(new ObjectMapper().readTree(status.get("OptionSet").asText()))
        .extracting(o -> o.get("Value").asText())
        .containsExactly("Active", "Inactive");
    JsonNode topic = fields.get(3);
    assertThat(topic.get("DataType").asText()).isEqualTo("String");
    assertThat(topic.get("MaxFieldLength").asInt()).isEqualTo(20);
    assertThat(topic.get("OptionSet").asText()).isEmpty();
    JsonNode temperature = fields.get(4);
    assertThat(temperature.get("SchemaName").asText()).isEqualTo("mx_Custom_2");
    assertThat(temperature.get("IsMandatory").asBoolean()).isTrue();
    assertThat(temperature.get("OptionSet").isTextual()).isTrue();
    JsonNode options = new ObjectMapper().readTree(temperature.get("OptionSet").asText());
    assertThat(options.get(0).get("Value").asText()).isEqualTo("Hot");
    assertThat(options.get(0).get("Text").asText()).isEqualTo("Hot lead");
    assertThat(options.get(0).get("IsDefault").asBoolean()).isTrue();
    assertThat(fields.get(5).get("Sequence").asInt()).isEqualTo(9);
    assertThat(fields.get(5).get("MaxFieldLength").isNull()).isTrue();
  }

  @Test
  void dropdownOptionsGet_answersTheOptionValues() {
    Tenant tenant = server.newTenant("Options");
    post(tenant, "CreateType", typeBody("Demo"));

    var custom =
        post(
            tenant,
            "ActivityField/Dropdown/Options/Get",
            "{\"Parameter\":{\"SchemaName\":\"mx_custom_2\",\"ActivityEventCode\":\"200\"}}");
    var status =
        post(
            tenant,
            "ActivityField/Dropdown/Options/Get",
            "{\"Parameter\":{\"SchemaName\":\"Status\",\"ActivityEventCode\":200}}");

    assertThat(custom.body()).isEqualTo("{\"Options\":[\"Hot\",\"Cold\"]}");
    assertThat(status.body()).isEqualTo("{\"Options\":[\"Active\",\"Inactive\"]}");
    assertError(
        post(
            tenant,
            "ActivityField/Dropdown/Options/Get",
            "{\"Parameter\":{\"SchemaName\":\"mx_Custom_9\",\"ActivityEventCode\":200}}"),
        "MXUnknownAttributeException");
    assertError(
        post(
            tenant,
            "ActivityField/Dropdown/Options/Get",
            "{\"Parameter\":{\"SchemaName\":\"mx_Custom_2\",\"ActivityEventCode\":999}}"),
        "MXInvalidActivityException");
  }

  private String options(Tenant tenant, String schemaName, String subField) {
    return post(
            tenant,
            "ActivityField/Dropdown/Options/Get",
            "{\"Parameter\":{\"SchemaName\":\""
                + schemaName
                + "\",\"ActivityEventCode\":200"
                + (subField == null ? "" : ",\"CustomObjectSchemaName\":\"" + subField + "\"")
                + "}}")
        .body();
  }

  @Test
  void fieldOptionsPushAndPop_addAndRemoveOptions_ofAFieldOrASetsSubField() {
    Tenant tenant = server.newTenant("PushPop");
    Tenant other = server.newTenant("PushPopOther");
    post(tenant, "CreateType", typeBody("Demo"));
    post(other, "CreateType", typeBody("Demo"));

    var pushed =
        post(
            tenant,
            "CustomActivity/FieldOptions/Push?code=200&fieldName=mx_Custom_2",
            "[\"Warm\",\"hot\"]");
    assertThat(pushed.body())
        .isEqualTo("{\"Status\":\"Success\",\"Message\":{\"AffectedRows\":1}}");
    assertThat(options(tenant, "mx_Custom_2", null))
        .isEqualTo("{\"Options\":[\"Hot\",\"Cold\",\"Warm\"]}");

    var popped =
        post(
            tenant,
            "CustomActivity/FieldOptions/Pop?code=200&fieldName=mx_Custom_2",
            "{\"Options\":[\"cold\",\"Missing\"]}");
    assertThat(json(popped).get("Message").get("AffectedRows").asInt()).isEqualTo(1);
    assertThat(options(tenant, "mx_Custom_2", null)).isEqualTo("{\"Options\":[\"Hot\",\"Warm\"]}");
    assertThat(options(other, "mx_Custom_2", null)).isEqualTo("{\"Options\":[\"Hot\",\"Cold\"]}");

    assertError(
        post(tenant, "CustomActivity/FieldOptions/Push?code=200&fieldName=mx_Custom_1", "[\"x\"]"),
        "MXInvalidInputException");
    assertError(
        post(tenant, "CustomActivity/FieldOptions/Push?code=200&fieldName=mx_Custom_9", "[\"x\"]"),
        "MXUnknownAttributeException");
    assertError(
        post(tenant, "CustomActivity/FieldOptions/Push?code=999&fieldName=mx_Custom_2", "[\"x\"]"),
        "MXInvalidActivityException");
    assertError(
        post(tenant, "CustomActivity/FieldOptions/Push?code=200&fieldName=mx_Custom_2", "[]"),
        "MXInvalidInputException");
    assertError(
        post(tenant, "CustomActivity/FieldOptions/Push?fieldName=mx_Custom_2", "[\"x\"]"),
        "MXInvalidInputException");
  }

  @Test
  void fieldOptionsPush_reachesADropdownInsideACustomFieldSet() {
    Tenant tenant = server.newTenant("PushSet");
    post(
        tenant,
        "CreateType",
        """
        {"ActivityEventName":"Review","Fields":[{"SchemaName":"mx_Custom_4","DataType":"CustomObject",
          "Fields":[{"SchemaName":"mx_CustomObject_1","DataType":"Dropdown",
                     "OptionSet":"[{\\"Value\\":\\"Pending\\"}]"}]}]}\
        """);

    var pushed =
        post(
            tenant,
            "CustomActivity/FieldOptions/Push?code=200&fieldName=mx_Custom_4~mx_CustomObject_1",
            "[\"Approved\"]");

    assertThat(json(pushed).get("Message").get("AffectedRows").asInt()).isEqualTo(1);
    JsonNode setting =
        json(
            server.get(
                SERVICE + "CustomActivity/GetActivitySetting?code=200&" + tenant.keyQuery()));
    assertThat(setting.toString()).contains("Approved");
  }

  @Test
  void updateType_changesWhatItNamesAndKeepsRemovedFieldsRestorable() {
    Tenant tenant = server.newTenant("Changes");
    post(tenant, "CreateType", typeBody("Call"));
    String id =
        json(server.get(SERVICE + "ActivityTypes.Get?" + tenant.keyQuery()))
            .get(0)
            .get("ID")
            .asText();

    var renamed =
        post(
            tenant,
            "CustomActivityType/Update",
            """
            {"ID":"%s","ActivityEventName":"Outbound Call","Score":7,"EventDirection":0,
             "Fields":[{"SchemaName":"mx_Custom_3","DataType":"Number"}]}\
            """
                .formatted(id));

    assertThat(renamed.body()).isEqualTo("{\"Status\":\"Success\"}");
    JsonNode type = json(server.get(SERVICE + "ActivityTypes.Get?" + tenant.keyQuery())).get(0);
    assertThat(type.get("ActivityEventName").asText()).isEqualTo("Outbound Call");
    assertThat(type.get("Score").asInt()).isEqualTo(7);
    assertThat(type.get("Direction").asInt()).isZero();
    assertThat(type.get("Description").asText()).isEqualTo("Calls to the lead");
    assertThat(customFieldNames(tenant)).containsExactly("mx_Custom_3");

    post(
        tenant,
        "CustomActivityType/Update",
        """
        {"ID":"%s","Fields":[{"SchemaName":"mx_Custom_1","DataType":"String"},
                             {"SchemaName":"mx_Custom_3","DataType":"Number"}]}\
        """
            .formatted(id));
    assertThat(customFieldNames(tenant)).containsExactly("mx_Custom_1", "mx_Custom_3");
  }

  @Test
  void createType_refusesBadDefinitionsAndWritesNothing() {
    Tenant tenant = server.newTenant("Refusals");
    post(tenant, "CreateType", "{\"ActivityEventName\":\"Taken\"}");

    assertError(
        post(tenant, "CreateType", "{\"ActivityEventName\":\"taken\"}"),
        "MXDuplicateEntryException");
    assertError(
        post(tenant, "CreateType", "{\"Score\":1}"), "MXMandatoryAttributeMissingException");
    assertError(
        post(
            tenant,
            "CreateType",
            fields("{\"SchemaName\":\"mx_Custom_51\",\"DataType\":\"String\"}")),
        "MXInvalidInputException");
    assertError(
        post(tenant, "CreateType", fields("{\"SchemaName\":\"mx_Other\",\"DataType\":\"String\"}")),
        "MXInvalidInputException");
    assertError(
        post(
            tenant,
            "CreateType",
            fields("{\"SchemaName\":\"mx_Custom_1\",\"DataType\":\"Colour\"}")),
        "MXInvalidInputException");
    assertError(
        post(
            tenant,
            "CreateType",
            fields(
                "{\"SchemaName\":\"mx_Custom_1\",\"DataType\":\"String\"},"
                    + "{\"SchemaName\":\"mx_custom_1\",\"DataType\":\"Number\"}")),
        "MXInvalidInputException");
    assertError(
        post(
            tenant,
            "CreateType",
            fields(
                "{\"SchemaName\":\"mx_Custom_1\",\"DataType\":\"Dropdown\",\"OptionSet\":\"not"
                    + " json\"}")),
        "MXInvalidInputException");
    assertError(
        post(tenant, "CreateType", "{\"ActivityEventName\":\"X\",\"Score\":\"many\"}"),
        "MXInvalidInputException");
    assertThat(
            post(tenant, "CreateType", "{\"ActivityEventName\":\"X\",\"Fields\":{}}").statusCode())
        .isEqualTo(400);
    assertThat(json(server.get(SERVICE + "ActivityTypes.Get?" + tenant.keyQuery()))).hasSize(1);
  }

  @Test
  void onlyAnAdministrator_mayDefineTypes() {
    Tenant tenant = server.newTenant("Roles");
    var seller =
        server
            .leadtrail()
            .users()
            .create(tenant.orgId(), UserId.random(), "Sam", "", "sam@example.com", Role.SALES_USER);
    var keys = server.leadtrail().apiKeys().issue(tenant.orgId(), seller.id());

    var response =
        server.postJson(
            SERVICE + "CreateType?accessKey=" + keys.accessKey() + "&secretKey=" + keys.secretKey(),
            "{\"ActivityEventName\":\"Sneaky\"}");

    assertError(response, "MXUnAuthorizedAccessException");
  }

  @Test
  void anotherOrganisation_seesNoneOfTheTypesAndCannotChangeThem() {
    Tenant owner = server.newTenant("Owner");
    Tenant intruder = server.newTenant("Intruder");
    post(owner, "CreateType", typeBody("Private"));
    String id =
        json(server.get(SERVICE + "ActivityTypes.Get?" + owner.keyQuery()))
            .get(0)
            .get("ID")
            .asText();

    assertThat(server.get(SERVICE + "ActivityTypes.Get?" + intruder.keyQuery()).body())
        .isEqualTo("[]");
    assertError(
        server.get(SERVICE + "CustomActivity/GetActivitySetting?code=200&" + intruder.keyQuery()),
        "MXInvalidActivityException");
    assertError(
        post(
            intruder,
            "CustomActivityType/Update",
            "{\"ID\":\"" + id + "\",\"ActivityEventName\":\"Mine\"}"),
        "MXInvalidActivityException");
    assertThat(
            json(server.get(SERVICE + "ActivityTypes.Get?" + owner.keyQuery()))
                .get(0)
                .get("ActivityEventName")
                .asText())
        .isEqualTo("Private");
    var intrudersOwn = post(intruder, "CreateType", "{\"ActivityEventName\":\"Private\"}");
    assertThat(json(intrudersOwn).get("Message").get("Id").asText())
        .as("names and codes are per organisation")
        .isEqualTo("200");
  }

  private List<String> customFieldNames(Tenant tenant) {
    JsonNode fields =
        json(server.get(
                SERVICE + "CustomActivity/GetActivitySetting?code=200&" + tenant.keyQuery()))
            .get("Fields");
    List<String> names = new ArrayList<>();
    fields.forEach(f -> names.add(f.get("SchemaName").asText()));
    return names.subList(3, names.size());
  }

  private static String fields(String fields) {
    return "{\"ActivityEventName\":\"Bad\",\"Fields\":[" + fields + "]}";
  }

  private HttpResponse<String> post(Tenant tenant, String operation, String body) {
    String separator = operation.contains("?") ? "&" : "?";
    return server.postJson(SERVICE + operation + separator + tenant.keyQuery(), body);
  }

  static void assertError(HttpResponse<String> response, String exceptionType) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(500);
    assertThat(json(response).get("ExceptionType").asText())
        .as(response.body())
        .isEqualTo(exceptionType);
  }
}
