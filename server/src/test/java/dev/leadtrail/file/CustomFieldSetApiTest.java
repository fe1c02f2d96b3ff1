package dev.leadtrail.file;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadtrail.testing.Eventually;
import dev.leadtrail.testing.Tenant;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Contract section 8: custom field sets, their sub-fields, and files inside them. */
abstract class CustomFieldSetApiTest extends FetchingApiTestCase {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TYPE =
      """
      {"ActivityEventName":"Document Review","Fields":[
        {"SchemaName":"mx_Custom_1","DataType":"String"},
        {"SchemaName":"mx_Custom_4","DisplayName":"Documents","DataType":"CustomObject","Fields":[
          {"SchemaName":"mx_CustomObject_1","DisplayName":"Scan","DataType":"File"},
          {"SchemaName":"mx_CustomObject_2","DisplayName":"Status","DataType":"Dropdown",
           "OptionSet":"[{\\"Value\\":\\"Pending\\"},{\\"Value\\":\\"Done\\"}]"},
          {"SchemaName":"mx_CustomObject_3","DisplayName":"Pages","DataType":"Number"}]}]}\
      """;

  record Posted(Tenant tenant, String activityId) {}

  private Posted posted(String name) {
    Tenant tenant = server.newTenant(name);
    var type = post(tenant, "CreateType", TYPE);
    assertThat(type.statusCode()).as(type.body()).isEqualTo(200);
    String lead = server.newLead(tenant, "Ann");
    return new Posted(tenant, server.newActivity(tenant, lead));
  }

  private HttpResponse<String> updateSet(Posted posted, boolean async, String subFields) {
    return post(
        posted.tenant(),
        "CustomActivity/Update",
        """
        {"ProspectActivityId":"%s","ProcessFilesAsync":%s,
         "Fields":[{"SchemaName":"mx_Custom_4","Value":"","Fields":[%s]}]}\
        """
            .formatted(posted.activityId(), async, subFields));
  }

  private static String sub(String schemaName, String value) {
    return "{\"SchemaName\":\"" + schemaName + "\",\"Value\":\"" + value + "\"}";
  }

  private JsonNode setField(Posted posted, String extraQuery) {
    JsonNode details =
        json(
            server.get(
                ACTIVITIES
                    + "GetActivityDetails?activityId="
                    + posted.activityId()
                    + extraQuery
                    + "&"
                    + posted.tenant().keyQuery()));
    for (JsonNode field : details.get("Fields")) {
      if (field.get("SchemaName").asText().equals("mx_Custom_4")) {
        return field;
      }
    }
    throw new AssertionError("no mx_Custom_4 in " + details);
  }

  private static JsonNode setValue(JsonNode field) throws Exception {
    String value = field.get("Value").asText();
    return value.isEmpty() ? JSON.createObjectNode() : JSON.readTree(value);
  }

  private void assertRefused(HttpResponse<String> response, String type, String mentions) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(500);
    assertThat(json(response).get("ExceptionType").asText()).isEqualTo(type);
    assertThat(json(response).get("ExceptionMessage").asText()).contains(mentions);
  }

  @Test
  void theTypeShowsTheSetsSubFields() {
    Posted posted = posted("Definition");

    JsonNode types =
        json(server.get(ACTIVITIES + "ActivityTypes.Get?" + posted.tenant().keyQuery()));
    JsonNode setting =
        json(
            server.get(
                ACTIVITIES
                    + "CustomActivity/GetActivitySetting?code=200&"
                    + posted.tenant().keyQuery()));

    assertThat(types.toString()).contains("Document Review");
    JsonNode set = null;
    for (JsonNode field : setting.get("Fields")) {
      if (field.get("SchemaName").asText().equals("mx_Custom_4")) {
        set = field;
      }
    }
    assertThat(set).as(setting.toString()).isNotNull();
    assertThat(set.get("DataType").asText()).isEqualTo("CustomObject");
    assertThat(set.get("Fields").get(0).get("SchemaName").asText()).isEqualTo("mx_CustomObject_1");
    assertThat(set.get("Fields").get(0).get("DataType").asText()).isEqualTo("File");
  }

  @Test
  void subValues_areChecked_merged_andReadBackAsAJsonString() throws Exception {
    Posted posted = posted("Merge");
    String scan = server.uploadFile(posted.tenant(), "scan.png", new byte[] {1, 2});

    var first =
        updateSet(
            posted,
            false,
            sub("mx_CustomObject_1", scan) + "," + sub("mx_CustomObject_2", "pending"));
    var second = updateSet(posted, false, sub("mx_CustomObject_3", "12.50"));

    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
    JsonNode value = setValue(setField(posted, ""));
    assertThat(value.get("mx_CustomObject_1").asText()).isEqualTo(scan);
    assertThat(value.get("mx_CustomObject_2").asText()).isEqualTo("Pending");
    assertThat(value.get("mx_CustomObject_3").asText()).isEqualTo("12.5");
    assertThat(value.get("ModifiedByName").asText()).isEqualTo("Ada Merge");
    assertThat(value.get("ModifiedOn").asText())
        .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");

    var cleared = updateSet(posted, false, sub("mx_CustomObject_3", ""));
    assertThat(cleared.statusCode()).isEqualTo(200);
    assertThat(setValue(setField(posted, "")).has("mx_CustomObject_3")).isFalse();
  }

  @Test
  void getFileUrl_givesTheUrlsInsideTheValue_andInFormMetaData() throws Exception {
    Posted posted = posted("Urls");
    String scan = server.uploadFile(posted.tenant(), "scan.png", new byte[] {1, 2});
    updateSet(posted, false, sub("mx_CustomObject_1", scan));
    String url = server.baseUrl() + "/File/Download?name=" + scan;

    JsonNode field = setField(posted, "&getFileURL=true");

    assertThat(setValue(field).get("mx_CustomObject_1").asText()).isEqualTo(url);
    JsonNode meta =
        field.get("CustomObjectFormProperties").get("FieldProperties").get("FormMetaData");
    assertThat(meta.get(0).get("SchemaName").asText()).isEqualTo("mx_CustomObject_1");
    assertThat(meta.get(0).get("Value").asText()).isEqualTo(scan);
    assertThat(meta.get(0).get("FileURL").asText()).isEqualTo(url);
    assertThat(
            setField(posted, "")
                .get("CustomObjectFormProperties")
                .get("FieldProperties")
                .get("FormMetaData")
                .get(0)
                .has("FileURL"))
        .isFalse();
  }

  @Test
  void create_takesASetToo() throws Exception {
    Tenant tenant = server.newTenant("CreateSet");
    post(tenant, "CreateType", TYPE);
    String lead = server.newLead(tenant, "Bo");

    var created =
        post(
            tenant,
            "Create",
            """
            {"RelatedProspectId":"%s","ActivityEvent":200,"Fields":[
              {"SchemaName":"mx_Custom_4","Value":"","Fields":[%s]}]}\
            """
                .formatted(lead, sub("mx_CustomObject_2", "Done")));

    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    var posted = new Posted(tenant, json(created).get("Message").get("Id").asText());
    assertThat(setValue(setField(posted, "")).get("mx_CustomObject_2").asText()).isEqualTo("Done");
  }

  @Test
  void badSubFields_areRefused_andChangeNothing() throws Exception {
    Posted posted = posted("Bad");
    String theirs = server.uploadFile(server.newTenant("Other"), "t.png", new byte[] {1});

    assertRefused(
        updateSet(posted, false, sub("mx_CustomObject_9", "x")),
        "MXUnknownAttributeException",
        "mx_CustomObject_9");
    assertRefused(
        updateSet(posted, false, sub("mx_CustomObject_3", "many")),
        "MXInvalidInputException",
        "mx_Custom_4.mx_CustomObject_3");
    assertRefused(
        updateSet(posted, false, sub("mx_CustomObject_2", "Lost")),
        "MXInvalidInputException",
        "mx_Custom_4.mx_CustomObject_2");
    assertRefused(
        updateSet(posted, false, sub("mx_CustomObject_1", theirs)),
        "MXInvalidInputException",
        "mx_Custom_4.mx_CustomObject_1");
    assertRefused(
        post(
            posted.tenant(),
            "CustomActivity/Update",
            """
            {"ProspectActivityId":"%s","Fields":[{"SchemaName":"mx_Custom_4","Value":"x"}]}\
            """
                .formatted(posted.activityId())),
        "MXInvalidInputException",
        "takes its values in Fields");
    assertRefused(
        post(
            posted.tenant(),
            "CustomActivity/Update",
            """
            {"ProspectActivityId":"%s","Fields":[{"SchemaName":"mx_Custom_1","Value":"",
              "Fields":[%s]}]}\
            """
                .formatted(posted.activityId(), sub("mx_CustomObject_1", "x"))),
        "MXInvalidInputException",
        "Only a custom field set");
    assertThat(setField(posted, "").get("Value").asText()).isEmpty();
  }

  @Test
  void aUrlInASubField_withoutProcessFilesAsync_isFetchedBeforeTheAnswer() throws Exception {
    Posted posted = posted("SyncSet");

    var response = updateSet(posted, false, sub("mx_CustomObject_1", origin.url("/files/now.pdf")));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(setValue(setField(posted, "")).get("mx_CustomObject_1").asText())
        .matches("[0-9a-f]{32}\\.pdf");
  }

  @Test
  void aUrlInASubField_isFetchedLater_byTheSystem() throws Exception {
    Posted posted = posted("AsyncSet");
    String url = origin.url("/files/scan.pdf");

    var response = updateSet(posted, true, sub("mx_CustomObject_1", url));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Eventually.await(
        "the fetched file in the set",
        Duration.ofSeconds(10),
        () -> {
          try {
            return setValue(setField(posted, "")).get("mx_CustomObject_1").asText().endsWith(".pdf")
                && !setValue(setField(posted, "")).get("mx_CustomObject_1").asText().contains("/");
          } catch (Exception e) {
            return false;
          }
        });
    assertThat(setValue(setField(posted, "")).get("ModifiedByName").asText()).isEqualTo("System");
  }

  @Test
  void badSetDefinitions_areRefused() {
    Tenant tenant = server.newTenant("BadDefinitions");

    for (String fields :
        List.of(
            "{\"SchemaName\":\"mx_Custom_2\",\"DataType\":\"CustomObject\"}",
            "{\"SchemaName\":\"mx_Custom_2\",\"DataType\":\"CustomObject\",\"Fields\":[{\"SchemaName\":\"mx_Custom_3\",\"DataType\":\"String\"}]}",
            "{\"SchemaName\":\"mx_Custom_2\",\"DataType\":\"CustomObject\",\"Fields\":[{\"SchemaName\":\"mx_CustomObject_1\",\"DataType\":\"CustomObject\",\"Fields\":[]}]}",
            "{\"SchemaName\":\"mx_Custom_2\",\"DataType\":\"String\",\"Fields\":[{\"SchemaName\":\"mx_CustomObject_1\",\"DataType\":\"String\"}]}")) {
      var response =
          post(tenant, "CreateType", "{\"ActivityEventName\":\"Bad\",\"Fields\":[" + fields + "]}");
      assertThat(response.statusCode()).as(fields).isEqualTo(500);
      assertThat(json(response).get("ExceptionType").asText()).isEqualTo("MXInvalidInputException");
    }
  }
}
