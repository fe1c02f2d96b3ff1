package dev.leadtrail.activity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadtrail.config.LeadtrailConfig;
import dev.leadtrail.testing.ApiTestCase;
import dev.leadtrail.testing.Tenant;
import dev.leadtrail.user.Role;
import dev.leadtrail.user.UserId;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Contract sections 5.2 to 5.5, written as a client would: JSON text in and out. */
abstract class ActivityApiTest extends ApiTestCase {

  private static final String ACTIVITIES = "/v2/ProspectActivity.svc/";
  private static final String LEADS = "/v2/LeadManagement.svc/";

  /** A type with one field of every data type; mx_Custom_2 (Number) is mandatory. */
  private static final String EVERY_TYPE =
      """
      {"ActivityEventName":"Everything","Score":3,"Direction":0,"Fields":[
        {"SchemaName":"mx_Custom_1","DataType":"String","MaxFieldLength":10},
        {"SchemaName":"mx_Custom_2","DataType":"Number","IsMandatory":true},
        {"SchemaName":"mx_Custom_3","DataType":"Date"},
        {"SchemaName":"mx_Custom_4","DataType":"DateTime"},
        {"SchemaName":"mx_Custom_5","DataType":"Boolean"},
        {"SchemaName":"mx_Custom_6","DataType":"Dropdown",
         "OptionSet":"[{\\"Value\\":\\"Hot\\"},{\\"Value\\":\\"Cold\\"}]"},
        {"SchemaName":"mx_Custom_7","DataType":"SearchableDropdown","IsMultiSelectDropdown":true,
         "OptionSet":"[{\\"Value\\":\\"Red\\"},{\\"Value\\":\\"Blue\\"}]"},
        {"SchemaName":"mx_Custom_8","DataType":"Email"},
        {"SchemaName":"mx_Custom_9","DataType":"Phone"},
        {"SchemaName":"mx_Custom_10","DataType":"Url"},
        {"SchemaName":"mx_Custom_11","DataType":"ActiveUsers"},
        {"SchemaName":"mx_Custom_12","DataType":"File"},
        {"SchemaName":"mx_Custom_13","DataType":"Text"}]}\
      """;

  record Setup(Tenant tenant, String leadId, String fileName) {}

  @Override
  protected LeadtrailConfig configure(LeadtrailConfig config) {
    return withoutRateLimits(config);
  }

  private Setup setup(String name) {
    Tenant tenant = server.newTenant(name);
    var type = post(tenant, "CreateType", EVERY_TYPE);
    assertThat(type.statusCode()).as(type.body()).isEqualTo(200);
    var lead =
        server.postJson(
            LEADS + "Lead.Create?" + tenant.keyQuery(),
            "[{\"Attribute\":\"FirstName\",\"Value\":\"Linus\"}]");
    return new Setup(
        tenant,
        json(lead).get("Message").get("Id").asText(),
        server.uploadFile(tenant, "notes.pdf", "%PDF-1.7".getBytes(StandardCharsets.UTF_8)));
  }

  private String everyValue(Setup setup, String note, String when) {
    return """
    {"RelatedProspectId":"%s","ActivityEvent":"200","ActivityNote":"%s",
     "ActivityDateTime":"%s","ProcessFilesAsync":false,"Fields":[
      {"SchemaName":"mx_Custom_1","Value":"abcd"},
      {"SchemaName":"mx_Custom_2","Value":1e3},
      {"SchemaName":"mx_Custom_3","Value":"2024-02-29"},
      {"SchemaName":"mx_Custom_4","Value":"2024-03-04T05:06:07Z"},
      {"SchemaName":"mx_Custom_5","Value":true},
      {"SchemaName":"mx_Custom_6","Value":"hot"},
      {"SchemaName":"mx_Custom_7","Value":"blue;RED"},
      {"SchemaName":"mx_Custom_8","Value":"Ada@Example.COM"},
      {"SchemaName":"mx_Custom_9","Value":"+44 20 7946 0000"},
      {"SchemaName":"mx_Custom_10","Value":"https://example.com/x"},
      {"SchemaName":"mx_Custom_11","Value":"%s"},
      {"SchemaName":"mx_Custom_12","Value":"%s"},
      {"SchemaName":"mx_Custom_13","Value":"Ünïcode ✓"},
      {"SchemaName":"status","Value":"inactive"}]}\
    """
        .formatted(setup.leadId(), note, when, setup.tenant().email(), setup.fileName());
  }

  @Test
  void postedActivities_readBackThroughEveryReadCallInTheContractsShapes() {
    Setup setup = setup("EndToEnd");
    Tenant tenant = setup.tenant();

    var first = post(tenant, "Create", everyValue(setup, "First", "2024-05-01 10:00:00"));
    var second =
        post(
            tenant,
            "Create",
            "{\"RelatedProspectId\":\""
                + setup.leadId()
                + "\",\"ActivityEvent\":200,"
                + "\"ActivityDateTime\":\"2024-05-02 10:00:00\","
                + "\"Fields\":[{\"SchemaName\":\"mx_Custom_2\",\"Value\":\"7\"}]}");

    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    String firstId = json(first).get("Message").get("Id").asText();
    String secondId = json(second).get("Message").get("Id").asText();
    assertThat(json(first).get("Message").has("RelatedId")).isFalse();

    JsonNode byLead = json(post(tenant, "Retrieve?leadId=" + setup.leadId(), ""));
    assertThat(byLead.get("RecordCount").asInt()).isEqualTo(2);
    JsonNode newest = byLead.get("ProspectActivities").get(0);
    assertThat(newest.get("Id").asText()).isEqualTo(secondId);
    JsonNode oldest = byLead.get("ProspectActivities").get(1);
    assertThat(oldest.get("EventCode").asInt()).isEqualTo(200);
    assertThat(oldest.get("EventName").asText()).isEqualTo("Everything");
    assertThat(oldest.get("ActivityScore").asInt()).isEqualTo(3);
    assertThat(oldest.get("CreatedOn").asText()).isEqualTo("2024-05-01 10:00:00");
    assertThat(oldest.get("Type").asText()).isEqualTo("Inbound");
    JsonNode fields = oldest.get("ActivityFields");
    assertThat(fields.get("ActivityEvent_Note").asText()).isEqualTo("First");
    assertThat(fields.get("Status").asText()).isEqualTo("Inactive");
    assertThat(fields.get("Owner").asText()).isEqualTo(tenant.userId().value());
    assertThat(fields.get("mx_Custom_1").asText()).isEqualTo("abcd");
    assertThat(fields.get("mx_Custom_2").asText()).isEqualTo("1000");
    assertThat(fields.get("mx_Custom_4").asText()).isEqualTo("2024-03-04 05:06:07");
    assertThat(fields.get("mx_Custom_5").asText()).isEqualTo("1");
    assertThat(fields.get("mx_Custom_6").asText()).isEqualTo("Hot");
    assertThat(fields.get("mx_Custom_7").asText()).isEqualTo("Blue;Red");
    assertThat(fields.get("mx_Custom_8").asText()).isEqualTo("Ada@example.com");
    assertThat(fields.get("mx_Custom_11").asText()).isEqualTo(tenant.userId().value());
    assertThat(fields.get("mx_Custom_13").asText()).isEqualTo("Ünïcode ✓");
    assertThat(fields.get("mx_Custom_12").asText()).isEqualTo(setup.fileName());
    assertThat(oldest.get("Data").get(0).get("Key").asText()).isEqualTo("mx_Custom_1");

    JsonNode details =
        json(
            server.get(
                ACTIVITIES + "GetActivityDetails?activityId=" + firstId + "&" + tenant.keyQuery()));
    assertThat(details.get("ID").asText()).isEqualTo(firstId);
    assertThat(details.get("Name").asText()).isEqualTo("Everything");
    assertThat(details.get("Fields")).hasSize(16);
    JsonNode number = details.get("Fields").get(4);
    assertThat(number.get("SchemaName").asText()).isEqualTo("mx_Custom_2");
    assertThat(number.get("InternalName").asText()).isEqualTo("mx_Custom_2");
    assertThat(number.get("Value").asText()).isEqualTo("1000");
    assertThat(number.get("DataType").asText()).isEqualTo("Number");
    assertThat(number.get("IsMandatory").asBoolean()).isTrue();

    JsonNode byType =
        json(
            post(
                tenant,
                "CustomActivity/RetrieveByActivityEvent",
                """
                {"Parameter":{"ActivityEvent":"200","FromDate":"2000-01-01 00:00:00",
                              "ToDate":"2100-01-01 00:00:00"},
                 "Paging":{"PageIndex":"1","PageSize":"1"},"Sorting":{"ColumnName":"ModifiedOn","Direction":0}}\
                """));
    assertThat(byType.get("RecordCount").asInt()).isEqualTo(2);
    assertThat(byType.get("List")).hasSize(1);
    JsonNode row = byType.get("List").get(0);
    assertThat(row.get("ProspectActivityId").asText()).isEqualTo(firstId);
    assertThat(row.get("RelatedProspectId").asText()).isEqualTo(setup.leadId());
    assertThat(row.get("ActivityEvent").isTextual()).as("numbers in rows are strings").isTrue();
    assertThat(row.get("Score").asText()).isEqualTo("3");
    assertThat(row.get("mx_Custom_2").asText()).isEqualTo("1000");
    assertThat(row.get("CreatedBy").asText()).isEqualTo(tenant.userId().value());

    JsonNode lead =
        json(server.get(LEADS + "Leads.GetById?id=" + setup.leadId() + "&" + tenant.keyQuery()))
            .get(0);
    assertThat(lead.get("Score").asText()).as("each activity adds its type's score").isEqualTo("6");
  }

  @Test
  void create_byEmailAddress_createsTheLeadWhenMissingAndAnswersItsId() {
    Setup setup = setup("ByEmail");
    String body =
        """
        {"EmailAddress":"new.lead@example.com","FirstName":"Nova","ActivityEvent":200,
         "Fields":[{"SchemaName":"mx_Custom_2","Value":"1"}]}\
        """;

    var first = post(setup.tenant(), "Create", body);
    var second = post(setup.tenant(), "Create", body);

    String leadId = json(first).get("Message").get("RelatedId").asText();
    assertThat(json(second).get("Message").get("RelatedId").asText()).isEqualTo(leadId);
    JsonNode lead =
        json(server.get(
                LEADS
                    + "Leads.GetByEmailaddress?emailaddress=new.lead@example.com&"
                    + setup.tenant().keyQuery()))
            .get(0);
    assertThat(lead.get("ProspectID").asText()).isEqualTo(leadId);
    assertThat(lead.get("FirstName").asText()).isEqualTo("Nova");
  }

  @Test
  void retrieve_pagesByOffsetAndRowCountAndFiltersByEvent() {
    Setup setup = setup("Paging");
    for (int day = 1; day <= 5; day++) {
      post(
          setup.tenant(),
          "Create",
          """
          {"RelatedProspectId":"%s","ActivityEvent":200,"ActivityDateTime":"2024-01-0%d 00:00:00",
           "Fields":[{"SchemaName":"mx_Custom_2","Value":%d}]}\
          """
              .formatted(setup.leadId(), day, day));
    }

    JsonNode page =
        json(
            post(
                setup.tenant(),
                "Retrieve?leadId=" + setup.leadId(),
                "{\"Paging\":{\"Offset\":\"1\",\"RowCount\":2}}"));
    JsonNode otherEvent =
        json(
            post(
                setup.tenant(),
                "Retrieve?leadId=" + setup.leadId(),
                "{\"Parameter\":{\"ActivityEvent\":201}}"));

    assertThat(page.get("RecordCount").asInt()).isEqualTo(5);
    assertThat(page.get("ProspectActivities"))
        .extracting(a -> a.get("ActivityFields").get("mx_Custom_2").asText())
        .containsExactly("4", "3");
    assertThat(otherEvent.get("RecordCount").asInt()).isZero();
    assertThat(otherEvent.get("ProspectActivities")).isEmpty();

    JsonNode byIndex =
        json(
            post(
                setup.tenant(),
                "Retrieve?leadId=" + setup.leadId(),
                "{\"Paging\":{\"PageIndex\":2,\"PageSize\":2}}"));
    assertThat(byIndex.get("ProspectActivities"))
        .extracting(a -> a.get("ActivityFields").get("mx_Custom_2").asText())
        .containsExactly("3", "2");
    var both =
        post(
            setup.tenant(),
            "Retrieve?leadId=" + setup.leadId(),
            "{\"Paging\":{\"PageIndex\":1,\"RowCount\":2}}");
    assertThat(json(both).get("ExceptionMessage").asText()).contains("not both");
    var tooLarge =
        post(
            setup.tenant(),
            "Retrieve?leadId=" + setup.leadId(),
            "{\"Paging\":{\"PageIndex\":1,\"PageSize\":1001}}");
    assertThat(json(tooLarge).get("ExceptionMessage").asText()).contains("PageSize");
  }

  @Test
  void retrieveRecentlyModified_listsEveryTypesActivitiesInTheWindow() {
    Setup setup = setup("Recent");
    Tenant tenant = setup.tenant();
    post(tenant, "CreateType", "{\"ActivityEventName\":\"Visit\"}");
    Setup other = setup("RecentOther");
    for (int event : new int[] {200, 201}) {
      post(
          tenant,
          "Create",
          """
          {"RelatedProspectId":"%s","ActivityEvent":%d,"ActivityNote":"n%d",
           "Fields":[%s]}\
          """
              .formatted(
                  setup.leadId(),
                  event,
                  event,
                  event == 200
                      ? "{\"SchemaName\":\"mx_Custom_1\",\"Value\":\"abc\"},"
                          + "{\"SchemaName\":\"mx_Custom_2\",\"Value\":\"1\"}"
                      : ""));
    }
    post(
        other.tenant(),
        "Create",
        "{\"RelatedProspectId\":\""
            + other.leadId()
            + "\",\"ActivityEvent\":200,"
            + "\"Fields\":[{\"SchemaName\":\"mx_Custom_2\",\"Value\":\"1\"}]}");
    String window = "\"FromDate\":\"2000-01-01 00:00:00\",\"ToDate\":\"2100-01-01 00:00:00\"";

    JsonNode all =
        json(
            post(
                tenant,
                "RetrieveRecentlyModified",
                "{\"Parameter\":{" + window + ",\"IncludeCustomFields\":1}}"));
    JsonNode one =
        json(
            post(
                tenant,
                "RetrieveRecentlyModified",
                "{\"Parameter\":{"
                    + window
                    + ",\"ActivityEvent\":\"201\"},"
                    + "\"Paging\":{\"PageIndex\":1,\"PageSize\":1},"
                    + "\"Sorting\":{\"ColumnName\":\"CreatedOn\",\"Direction\":1}}"));
    JsonNode none =
        json(
            post(
                tenant,
                "RetrieveRecentlyModified",
                "{\"Parameter\":{\"FromDate\":\"2000-01-01 00:00:00\",\"ToDate\":\"2000-01-02 00:00:00\"}}"));

    assertThat(all.get("RecordCount").asInt()).isEqualTo(2);
    JsonNode first = all.get("ProspectActivities").get(0);
    assertThat(first.get("RelatedProspectId").asText()).isEqualTo(setup.leadId());
    java.util.Map<String, String> fields = new java.util.HashMap<>();
    first.get("Fields").forEach(f -> fields.put(f.get("Key").asText(), f.get("Value").asText()));
    assertThat(fields).containsEntry("ProspectActivityId", first.get("Id").asText());
    assertThat(fields).containsEntry("mx_Custom_1", "abc");
    java.util.Map<String, String> data = new java.util.HashMap<>();
    first.get("Data").forEach(f -> data.put(f.get("Key").asText(), f.get("Value").asText()));
    assertThat(data).containsEntry("CreatedByName", "Ada Recent");
    assertThat(one.get("RecordCount").asInt()).isEqualTo(1);
    assertThat(one.get("ProspectActivities").get(0).get("ActivityEvent").asInt()).isEqualTo(201);
    assertThat(one.get("ProspectActivities").get(0).get("Fields").toString())
        .doesNotContain("mx_Custom");
    assertThat(none.get("RecordCount").asInt()).isZero();
    assertThat(none.get("ProspectActivities")).isEmpty();
  }

  @Test
  void retrieveRecentlyModified_refusesAMissingWindowOrALargePage() {
    Setup setup = setup("RecentBad");

    var noDates = post(setup.tenant(), "RetrieveRecentlyModified", "{\"Parameter\":{}}");
    var largePage =
        post(
            setup.tenant(),
            "RetrieveRecentlyModified",
            "{\"Parameter\":{\"FromDate\":\"2000-01-01 00:00:00\",\"ToDate\":\"2100-01-01 00:00:00\"},"
                + "\"Paging\":{\"PageIndex\":1,\"PageSize\":1001}}");
    var unknownEvent =
        post(
            setup.tenant(),
            "RetrieveRecentlyModified",
            "{\"Parameter\":{\"FromDate\":\"2000-01-01 00:00:00\",\"ToDate\":\"2100-01-01 00:00:00\","
                + "\"ActivityEvent\":999}}");

    assertThat(json(noDates).get("ExceptionMessage").asText()).contains("FromDate");
    assertThat(json(largePage).get("ExceptionMessage").asText()).contains("PageSize");
    assertThat(json(unknownEvent).get("ExceptionType").asText())
        .isEqualTo("MXInvalidActivityException");
  }

  private HttpResponse<String> createCustom(
      Tenant tenant, String email, String city, String fields) {
    return post(
        tenant,
        "CreateCustom",
        """
        {"LeadDetails":[{"Attribute":"EmailAddress","Value":"%s"},{"Attribute":"mx_City","Value":"%s"},
                        {"Attribute":"SearchBy","Value":"EmailAddress"}],
         "Activity":{"ActivityEvent":200,"ActivityNote":"via CreateCustom","Fields":[%s]}}\
        """
            .formatted(email, city, fields));
  }

  private JsonNode leadsByEmail(Tenant tenant, String email) {
    return json(
        server.get(
            "/v2/LeadManagement.svc/Leads.GetByEmailaddress?emailaddress="
                + email
                + "&"
                + tenant.keyQuery()));
  }

  @Test
  void createCustom_createsOrUpdatesTheLeadAndPostsTheActivityOnIt() {
    Setup setup = setup("Custom");
    Tenant tenant = setup.tenant();
    String valid = "{\"Attribute\":\"mx_Custom_2\",\"Value\":\"7\"}";

    var created = createCustom(tenant, "new@custom.example", "Oslo", valid);
    var again = createCustom(tenant, "NEW@custom.example", "Bergen", valid.replace("7", "8"));

    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    String leadId = json(created).get("Message").get("RelatedId").asText();
    assertThat(json(again).get("Message").get("RelatedId").asText()).isEqualTo(leadId);
    JsonNode lead = leadsByEmail(tenant, "new@custom.example");
    assertThat(lead).hasSize(1);
    assertThat(lead.get(0).get("mx_City").asText()).isEqualTo("Bergen");
    JsonNode onLead = json(post(tenant, "Retrieve?leadId=" + leadId, ""));
    assertThat(onLead.get("RecordCount").asInt()).isEqualTo(2);
    assertThat(onLead.get("ProspectActivities").get(0).get("Id").asText())
        .isEqualTo(json(again).get("Message").get("Id").asText());
  }

  @Test
  void createCustom_whoseActivityIsRefused_leavesTheLeadAsItWas() {
    Setup setup = setup("CustomRefused");
    Tenant tenant = setup.tenant();
    String valid = "{\"SchemaName\":\"mx_Custom_2\",\"Value\":\"7\"}";
    createCustom(tenant, "kept@custom.example", "Oslo", valid);

    var badValue =
        createCustom(
            tenant,
            "kept@custom.example",
            "Paris",
            "{\"SchemaName\":\"mx_Custom_2\",\"Value\":\"x\"}");
    var newLead = createCustom(tenant, "never@custom.example", "Rome", "");

    assertThat(json(badValue).get("ExceptionMessage").asText()).contains("mx_Custom_2");
    assertThat(json(newLead).get("ExceptionType").asText())
        .isEqualTo("MXMandatoryAttributeMissingException");
    assertThat(leadsByEmail(tenant, "kept@custom.example").get(0).get("mx_City").asText())
        .isEqualTo("Oslo");
    assertThat(leadsByEmail(tenant, "never@custom.example")).isEmpty();
  }

  @Test
  void createCustom_needsItsLeadDetailsAndActivity() {
    Setup setup = setup("CustomShape");

    var noLead = post(setup.tenant(), "CreateCustom", "{\"Activity\":{\"ActivityEvent\":200}}");
    var noActivity =
        post(
            setup.tenant(),
            "CreateCustom",
            "{\"LeadDetails\":[{\"Attribute\":\"EmailAddress\",\"Value\":\"a@b.example\"}]}");
    var leadInActivity =
        post(
            setup.tenant(),
            "CreateCustom",
            "{\"LeadDetails\":[{\"Attribute\":\"EmailAddress\",\"Value\":\"a@b.example\"}],"
                + "\"Activity\":{\"ActivityEvent\":200,\"RelatedProspectId\":\""
                + setup.leadId()
                + "\"}}");

    assertThat(json(noLead).get("ExceptionMessage").asText()).contains("LeadDetails");
    assertThat(json(noActivity).get("ExceptionMessage").asText()).contains("Activity");
    assertThat(json(leadInActivity).get("ExceptionMessage").asText()).contains("RelatedProspectId");
    assertThat(leadsByEmail(setup.tenant(), "a@b.example")).isEmpty();
  }

  private static String bulkItem(String leadKey, String lead, String value) {
    return """
        {"%s":"%s","ActivityEvent":200,"ActivityNote":"bulk",
         "Fields":[{"SchemaName":"mx_Custom_2","Value":"%s"}]}\
        """
        .formatted(leadKey, lead, value);
  }

  @Test
  void bulkAddByLeadId_postsEachItemOnItsOwn_inOrder() {
    Setup setup = setup("BulkAdd");
    Setup other = setup("BulkAddOther");
    Tenant tenant = setup.tenant();

    var response =
        post(
            tenant,
            "Bulk/CustomActivity/Add/ByLeadId",
            "["
                + bulkItem("RelatedProspectId", setup.leadId(), "1")
                    .replace(
                        "\"ActivityEvent\"",
                        "\"ActivityOwnerEmail\":\"" + tenant.email() + "\",\"ActivityEvent\"")
                + ","
                + bulkItem("RelatedProspectId", setup.leadId(), "x")
                + ","
                + bulkItem("RelatedProspectId", other.leadId(), "2")
                + ",\"not an object\"]");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode rows = json(response).get("Response");
    assertThat(rows).hasSize(4);
    assertThat(rows.get(0).get("ActivityCreated").asBoolean()).isTrue();
    assertThat(rows.get(0).get("RowNumber").asInt()).isEqualTo(1);
    assertThat(rows.get(1).get("ActivityCreated").asBoolean()).isFalse();
    assertThat(rows.get(1).get("ExceptionMessage").asText()).contains("mx_Custom_2");
    assertThat(rows.get(2).get("ExceptionType").asText()).isEqualTo("MXInvalidEntityException");
    assertThat(rows.get(3).get("ActivityCreated").asBoolean()).isFalse();
    JsonNode onLead = json(post(tenant, "Retrieve?leadId=" + setup.leadId(), ""));
    assertThat(onLead.get("RecordCount").asInt()).isEqualTo(1);
    assertThat(onLead.get("ProspectActivities").get(0).get("Id").asText())
        .isEqualTo(rows.get(0).get("ProspectActivityId").asText());
    assertThat(onLead.get("ProspectActivities").get(0).get("ActivityFields").get("Owner").asText())
        .isEqualTo(tenant.userId().value());
  }

  @Test
  void bulkAddByLeadField_findsEachLeadBySearchByValue() {
    Setup setup = setup("BulkField");
    Tenant tenant = setup.tenant();
    server.postJson(
        "/v2/LeadManagement.svc/Lead.Update?leadId=" + setup.leadId() + "&" + tenant.keyQuery(),
        "[{\"Attribute\":\"EmailAddress\",\"Value\":\"linus@bulk.example\"},"
            + "{\"Attribute\":\"Phone\",\"Value\":\"+1 555 0100\"}]");

    JsonNode byEmail =
        json(
            post(
                tenant,
                "Bulk/CustomActivity/Add/ByLeadField?searchBy=EmailAddress",
                "["
                    + bulkItem("SearchByValue", "Linus@bulk.example", "1")
                    + ","
                    + bulkItem("SearchByValue", "nobody@bulk.example", "1")
                    + "]"));
    JsonNode byPhone =
        json(
            post(
                tenant,
                "Bulk/CustomActivity/Add/ByLeadField?searchBy=Phone",
                "[" + bulkItem("SearchByValue", "+1 555 0100", "3") + "]"));

    assertThat(byEmail.get("Response").get(0).get("ActivityCreated").asBoolean()).isTrue();
    assertThat(byEmail.get("Response").get(1).get("ExceptionType").asText())
        .isEqualTo("MXInvalidEntityException");
    assertThat(byPhone.get("Response").get(0).get("ActivityCreated").asBoolean()).isTrue();
    assertThat(
            json(post(tenant, "Retrieve?leadId=" + setup.leadId(), "")).get("RecordCount").asInt())
        .isEqualTo(2);
  }

  @Test
  void bulkAdd_takesOneTo25Items() {
    Setup setup = setup("BulkLimit");
    String item = bulkItem("RelatedProspectId", setup.leadId(), "1");

    var tooMany =
        post(
            setup.tenant(),
            "Bulk/CustomActivity/Add/ByLeadId",
            "[" + String.join(",", java.util.Collections.nCopies(26, item)) + "]");
    var none = post(setup.tenant(), "Bulk/CustomActivity/Add/ByLeadId", "[]");
    var notAnArray = post(setup.tenant(), "Bulk/CustomActivity/Add/ByLeadId", item);

    assertThat(json(tooMany).get("ExceptionMessage").asText()).contains("1 to 25");
    assertThat(json(none).get("ExceptionMessage").asText()).contains("1 to 25");
    assertThat(notAnArray.statusCode()).isEqualTo(400);
    assertThat(
            json(post(setup.tenant(), "Retrieve?leadId=" + setup.leadId(), ""))
                .get("RecordCount")
                .asInt())
        .isZero();
  }

  @Test
  void retrieveByActivityEvent_leavesTheListOutWhenThereAreNoRows() {
    Setup setup = setup("NoRows");

    var response =
        post(
            setup.tenant(),
            "CustomActivity/RetrieveByActivityEvent",
            "{\"Parameter\":{\"ActivityEvent\":200}}");

    assertThat(response.body()).isEqualTo("{\"RecordCount\":0}");
  }

  @Test
  void badActivityWrites_answerTheirMxTypeAndWriteNothing() {
    Setup setup = setup("BadInput");
    Tenant tenant = setup.tenant();
    Tenant other = server.newTenant("Elsewhere");
    String otherLead =
        json(server.postJson(
                LEADS + "Lead.Create?" + other.keyQuery(),
                "[{\"Attribute\":\"FirstName\",\"Value\":\"Stranger\"}]"))
            .get("Message")
            .get("Id")
            .asText();
    var inactive =
        server
            .leadtrail()
            .users()
            .create(tenant.orgId(), UserId.random(), "Ina", "", "ina@example.com", Role.SALES_USER);
    server.leadtrail().users().deactivate(tenant.orgId(), inactive.id());
    post(tenant, "CreateType", "{\"ActivityEventName\":\"Retired\",\"IsActive\":false}");

    List<String[]> cases = new ArrayList<>();
    cases.add(new String[] {"MXInvalidActivityException", body(setup, 999, "")});
    cases.add(new String[] {"MXInvalidActivityException", body(setup, 201, "")});
    cases.add(
        new String[] {
          "MXInvalidActivityException", "{\"RelatedProspectId\":\"" + setup.leadId() + "\"}"
        });
    cases.add(
        new String[] {
          "MXInvalidEntityException",
          "{\"RelatedProspectId\":\""
              + otherLead
              + "\",\"ActivityEvent\":200,\"Fields\":["
              + number("1")
              + "]}"
        });
    cases.add(new String[] {"MXUnknownAttributeException", badValue(setup, "mx_Custom_14", "x")});
    cases.add(
        new String[] {
          "MXInvalidInputException", body(setup, 200, number("1") + "," + number("2"))
        });
    cases.add(
        new String[] {
          "MXMandatoryAttributeMissingException",
          body(setup, 200, "{\"SchemaName\":\"mx_Custom_1\",\"Value\":\"x\"}")
        });
    cases.add(new String[] {"MXMandatoryAttributeMissingException", body(setup, 200, number(""))});
    cases.add(new String[] {"MXInvalidInputException", body(setup, 200, number("many"))});
    cases.add(
        new String[] {"MXInvalidInputException", badValue(setup, "mx_Custom_1", "x".repeat(11))});
    cases.add(
        new String[] {"MXInvalidInputException", badValue(setup, "mx_Custom_3", "2024-02-30")});
    cases.add(
        new String[] {
          "MXInvalidInputException", badValue(setup, "mx_Custom_4", "2024-01-01 24:00:00")
        });
    cases.add(new String[] {"MXInvalidInputException", badValue(setup, "mx_Custom_5", "maybe")});
    cases.add(new String[] {"MXInvalidInputException", badValue(setup, "mx_Custom_6", "Warm")});
    cases.add(new String[] {"MXInvalidInputException", badValue(setup, "mx_Custom_8", "nobody")});
    cases.add(new String[] {"MXInvalidInputException", badValue(setup, "mx_Custom_9", "phone")});
    cases.add(new String[] {"MXInvalidInputException", badValue(setup, "mx_Custom_10", "ftp://x")});
    cases.add(
        new String[] {
          "MXInvalidInputException", badValue(setup, "mx_Custom_11", inactive.id().value())
        });
    cases.add(
        new String[] {"MXInvalidInputException", badValue(setup, "Owner", other.userId().value())});
    cases.add(new String[] {"MXInvalidInputException", badValue(setup, "mx_Custom_12", "../x")});
    cases.add(
        new String[] {
          "MXInvalidInputException",
          badValue(
              setup,
              "mx_Custom_12",
              server.uploadFile(server.newTenant("Others"), "theirs.txt", new byte[] {1}))
        });
    cases.add(
        new String[] {"MXInvalidInputException", badValue(setup, "mx_Custom_12", "notes.pdf")});
    cases.add(
        new String[] {
          "MXInvalidInputException",
          body(setup, 200, number("1") + ",{\"SchemaName\":\"mx_Custom_2\"}")
        });
    cases.add(new String[] {"MXInvalidInputException", body(setup, 200, "{\"Value\":\"1\"}")});
    cases.add(
        new String[] {
          "MXInvalidInputException",
          "{\"RelatedProspectId\":\"not-a-guid\",\"ActivityEvent\":200,\"Fields\":["
              + number("1")
              + "]}"
        });
    for (String[] c : cases) {
      assertError(post(tenant, "Create", c[1]), c[0]);
    }

    assertThat(post(tenant, "Create", "{\"ActivityEvent\":200,\"Fields\":{}}").statusCode())
        .isEqualTo(400);
    assertThat(
            post(
                    tenant,
                    "Create",
                    body(setup, 200, "{\"SchemaName\":\"mx_Custom_2\",\"Value\":{\"v\":1}}"))
                .statusCode())
        .isEqualTo(400);
    assertThat(post(tenant, "Create", "[]").statusCode()).isEqualTo(400);
    assertThat(
            json(post(tenant, "Retrieve?leadId=" + setup.leadId(), "")).get("RecordCount").asInt())
        .isZero();
  }

  @Test
  void aFieldTakenOffTheType_hidesItsValueUntilItIsAddedBack() {
    Setup setup = setup("Hidden");
    Tenant tenant = setup.tenant();
    post(
        tenant,
        "CreateType",
        """
        {"ActivityEventName":"Small","Fields":[{"SchemaName":"mx_Custom_1","DataType":"String"}]}\
        """);
    String typeId =
        json(server.get(ACTIVITIES + "ActivityTypes.Get?" + tenant.keyQuery()))
            .get(1)
            .get("ID")
            .asText();
    String id =
        json(post(
                tenant,
                "Create",
                """
                {"RelatedProspectId":"%s","ActivityEvent":201,"Fields":[{"SchemaName":"mx_Custom_1","Value":"kept"}]}\
                """
                    .formatted(setup.leadId())))
            .get("Message")
            .get("Id")
            .asText();

    post(
        tenant,
        "CustomActivityType/Update",
        """
        {"ID":"%s","Fields":[{"SchemaName":"mx_Custom_2","DataType":"Number"}]}\
        """
            .formatted(typeId));
    JsonNode hidden =
        json(
            server.get(
                ACTIVITIES + "GetActivityDetails?activityId=" + id + "&" + tenant.keyQuery()));
    post(
        tenant,
        "CustomActivityType/Update",
        """
        {"ID":"%s","Fields":[{"SchemaName":"mx_Custom_1","DataType":"String"}]}\
        """
            .formatted(typeId));
    JsonNode restored =
        json(
            server.get(
                ACTIVITIES + "GetActivityDetails?activityId=" + id + "&" + tenant.keyQuery()));

    assertThat(hidden.get("Fields"))
        .extracting(f -> f.get("SchemaName").asText())
        .containsExactly("ActivityEvent_Note", "Status", "Owner", "mx_Custom_2");
    assertThat(hidden.get("Fields").get(3).get("Value").asText()).isEmpty();
    assertThat(restored.get("Fields").get(3).get("SchemaName").asText()).isEqualTo("mx_Custom_1");
    assertThat(restored.get("Fields").get(3).get("Value").asText()).isEqualTo("kept");
  }

  @Test
  void validateDropDownOptions_skipsOnlyTheOptionCheck() {
    Setup setup = setup("Options");

    var outside =
        post(
            setup.tenant(),
            "Create",
            """
            {"RelatedProspectId":"%s","ActivityEvent":200,"ValidateDropDownOptions":true,
             "Fields":[{"SchemaName":"mx_Custom_2","Value":"1"},{"SchemaName":"mx_Custom_6","Value":"Warm"}]}\
            """
                .formatted(setup.leadId()));
    var stillChecked =
        post(
            setup.tenant(),
            "Create",
            """
            {"RelatedProspectId":"%s","ActivityEvent":200,"ValidateDropDownOptions":true,
             "Fields":[{"SchemaName":"mx_Custom_2","Value":"x"},{"SchemaName":"mx_Custom_6","Value":"Warm"}]}\
            """
                .formatted(setup.leadId()));

    assertThat(outside.statusCode()).as(outside.body()).isEqualTo(200);
    assertError(stillChecked, "MXInvalidInputException");
  }

  @Test
  void pagingAndWindows_refuseBadValues() {
    Setup setup = setup("Windows");
    Tenant tenant = setup.tenant();

    assertError(
        post(
            tenant,
            "CustomActivity/RetrieveByActivityEvent",
            "{\"Parameter\":{\"ActivityEvent\":200},\"Paging\":{\"PageIndex\":1,\"PageSize\":1001}}"),
        "MXInvalidInputException");
    assertThat(
            json(post(
                    tenant,
                    "CustomActivity/RetrieveByActivityEvent",
                    "{\"Parameter\":{\"ActivityEvent\":200},\"Paging\":{\"PageIndex\":1,\"PageSize\":1001}}"))
                .get("ExceptionMessage")
                .asText())
        .isEqualTo("Invalid Input! Parameter Name: PageSize. PageSize can not be more than 1000.");
    assertError(
        post(
            tenant,
            "CustomActivity/RetrieveByActivityEvent",
            """
            {"Parameter":{"ActivityEvent":200,"FromDate":"2024-02-01 00:00:00","ToDate":"2024-01-01 00:00:00"}}\
            """),
        "MXInvalidInputException");
    assertError(
        post(tenant, "CustomActivity/RetrieveByActivityEvent", "{\"Parameter\":{}}"),
        "MXInvalidActivityException");
    assertError(
        post(tenant, "Retrieve?leadId=" + setup.leadId(), "{\"Paging\":{\"RowCount\":\"lots\"}}"),
        "MXInvalidInputException");
    assertError(
        post(tenant, "Retrieve?leadId=" + setup.leadId(), "{\"Paging\":{\"Offset\":-1}}"),
        "MXInvalidInputException");
    assertError(
        server.get(
            ACTIVITIES
                + "GetActivityDetails?activityId=0b7e6c1e-0000-4000-8000-000000000000&"
                + tenant.keyQuery()),
        "MXUnknownProspectActivityException");
    assertError(
        server.get(ACTIVITIES + "GetActivityDetails?activityId=nope&" + tenant.keyQuery()),
        "MXInvalidInputException");
  }

  @Test
  void anotherOrganisation_seesNoneOfTheActivitiesAndCannotPostOnTheLead() {
    Setup setup = setup("Owner");
    Tenant intruder = server.newTenant("Intruder");
    post(intruder, "CreateType", "{\"ActivityEventName\":\"Mine\"}");
    String id =
        json(post(setup.tenant(), "Create", body(setup, 200, number("1"))))
            .get("Message")
            .get("Id")
            .asText();

    assertError(
        server.get(ACTIVITIES + "GetActivityDetails?activityId=" + id + "&" + intruder.keyQuery()),
        "MXUnknownProspectActivityException");
    assertThat(
            json(post(intruder, "Retrieve?leadId=" + setup.leadId(), ""))
                .get("RecordCount")
                .asInt())
        .isZero();
    assertThat(
            post(
                    intruder,
                    "CustomActivity/RetrieveByActivityEvent",
                    "{\"Parameter\":{\"ActivityEvent\":200}}")
                .body())
        .isEqualTo("{\"RecordCount\":0}");
    assertError(
        post(
            intruder,
            "Create",
            "{\"RelatedProspectId\":\"" + setup.leadId() + "\",\"ActivityEvent\":200}"),
        "MXInvalidEntityException");
    assertThat(
            json(post(setup.tenant(), "Retrieve?leadId=" + setup.leadId(), ""))
                .get("RecordCount")
                .asInt())
        .isEqualTo(1);
  }

  /** A valid mandatory number plus one bad value for {@code schemaName}. */
  private static String badValue(Setup setup, String schemaName, String value) {
    return body(
        setup,
        200,
        number("1") + ",{\"SchemaName\":\"" + schemaName + "\",\"Value\":\"" + value + "\"}");
  }

  private static String number(String value) {
    return "{\"SchemaName\":\"mx_Custom_2\",\"Value\":\"" + value + "\"}";
  }

  private static String body(Setup setup, int eventCode, String fields) {
    return "{\"RelatedProspectId\":\""
        + setup.leadId()
        + "\",\"ActivityEvent\":"
        + eventCode
        + ",\"Fields\":["
        + fields
        + "]}";
  }

  private HttpResponse<String> post(Tenant tenant, String operation, String body) {
    String separator = operation.contains("?") ? "&" : "?";
    return server.postJson(ACTIVITIES + operation + separator + tenant.keyQuery(), body);
  }

  private static void assertError(HttpResponse<String> response, String exceptionType) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(500);
    assertThat(json(response).get("ExceptionType").asText())
        .as(response.body())
        .isEqualTo(exceptionType);
  }
}
