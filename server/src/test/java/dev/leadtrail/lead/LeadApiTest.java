package dev.leadtrail.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadtrail.testing.ApiTestCase;
import dev.leadtrail.testing.Tenant;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Contract section 6, as a client calls it: JSON text in and out. */
abstract class LeadApiTest extends ApiTestCase {

  private static final String SERVICE = "/v2/LeadManagement.svc/";

  private String lead(Tenant tenant, String first, String last, String email, String phone) {
    var created =
        post(
            tenant,
            "Lead.Create",
            """
            [{"Attribute":"FirstName","Value":"%s"},{"Attribute":"LastName","Value":"%s"},
             {"Attribute":"EmailAddress","Value":"%s"},{"Attribute":"Phone","Value":"%s"}]\
            """
                .formatted(first, last, email, phone));
    return json(created).get("Message").get("Id").asText();
  }

  private java.util.List<String> quickSearch(Tenant tenant, String key) {
    JsonNode found =
        json(
            get(
                tenant,
                "Leads.GetByQuickSearch?key="
                    + java.net.URLEncoder.encode(key, java.nio.charset.StandardCharsets.UTF_8)));
    java.util.List<String> ids = new java.util.ArrayList<>();
    found.forEach(lead -> ids.add(lead.get("ProspectID").asText()));
    return ids;
  }

  @Test
  void quickSearch_findsByTheStartOfANameEmailOrPhone_ignoringCase() {
    Tenant tenant = server.newTenant("Quick");
    Tenant other = server.newTenant("QuickOther");
    String ada = lead(tenant, "Ada", "Lovelace", "ada@analytical.example", "+44 20 7946 0001");
    String alan = lead(tenant, "Alan", "Turing", "alan@bletchley.example", "+44 20 7946 0002");
    String wild = lead(tenant, "Percent", "Sign", "x_y@wild.example", "555");
    lead(other, "Ada", "Elsewhere", "ada@other.example", "+44 1");

    assertThat(quickSearch(tenant, "ad")).containsExactly(ada);
    assertThat(quickSearch(tenant, "LOVE")).containsExactly(ada);
    assertThat(quickSearch(tenant, "alan t")).containsExactly(alan);
    assertThat(quickSearch(tenant, "alan@")).containsExactly(alan);
    assertThat(quickSearch(tenant, "+44 20")).containsExactly(ada, alan);
    assertThat(quickSearch(tenant, "x_y")).containsExactly(wild);
    assertThat(quickSearch(tenant, "x%")).isEmpty();
    assertThat(quickSearch(tenant, "!")).isEmpty();
    assertThat(quickSearch(tenant, "%")).isEmpty();
    assertThat(quickSearch(tenant, "_")).isEmpty();
    assertThat(quickSearch(tenant, "nobody")).isEmpty();
    assertThat(get(tenant, "Leads.GetByQuickSearch?key=zzz").body()).isEqualTo("[]");
  }

  @Test
  void metaData_listsTheStandardFieldsAndTheCustomOnesInUse() {
    Tenant tenant = server.newTenant("Meta");
    Tenant other = server.newTenant("MetaOther");
    post(
        tenant,
        "Lead.Create",
        "[{\"Attribute\":\"FirstName\",\"Value\":\"A\"},{\"Attribute\":\"mx_City\",\"Value\":\"Oslo\"}]");
    post(
        other,
        "Lead.Create",
        "[{\"Attribute\":\"FirstName\",\"Value\":\"B\"},{\"Attribute\":\"mx_Secret\",\"Value\":\"x\"}]");

    JsonNode fields = json(get(tenant, "LeadsMetaData.Get?"));
    assertThat(fields.isArray()).as(fields.toString()).isTrue();
    java.util.Map<String, JsonNode> byName = new java.util.LinkedHashMap<>();
    fields.forEach(f -> byName.put(f.get("SchemaName").asText(), f));

    assertThat(byName).containsKeys("FirstName", "LastName", "EmailAddress", "Phone", "mx_City");
    assertThat(byName).doesNotContainKey("mx_Secret");
    assertThat(byName.get("EmailAddress").get("DataType").asText()).isEqualTo("Email");
    assertThat(byName.get("mx_City").get("DisplayName").asText()).isEqualTo("City");
    assertThat(byName.get("mx_City").get("MaxLength").asText()).isEqualTo("200");
    JsonNode one = json(get(tenant, "LeadsMetaData.Get?schemaName=emailaddress"));
    assertThat(one).hasSize(1);
    assertThat(json(get(tenant, "LeadsMetaData.Get?schemaName=mx_Nothing"))).isEmpty();
  }

  @Test
  void phones_areUniquePerOrganisation_unlessItLetsLeadsShareThem() {
    Tenant tenant = server.newTenant("Phones");
    Tenant other = server.newTenant("PhonesOther");
    String first = lead(tenant, "Ann", "One", "ann@phones.example", "+1 555 0101");
    lead(other, "Cat", "Elsewhere", "cat@phones.example", "+1 555 0101");

    var duplicate =
        post(
            tenant,
            "Lead.Create",
            "[{\"Attribute\":\"FirstName\",\"Value\":\"Bob\"},{\"Attribute\":\"Phone\",\"Value\":\"+1 555 0101\"}]");
    String second = lead(tenant, "Bob", "Two", "bob@phones.example", "+1 555 0102");
    var movedOnto =
        post(
            tenant,
            "Lead.Update?leadId=" + second,
            "[{\"Attribute\":\"Phone\",\"Value\":\"+1 555 0101\"}]");
    var byPhone =
        post(
            tenant,
            "Lead.CreateOrUpdate",
            "[{\"Attribute\":\"Phone\",\"Value\":\"+1 555 0101\"},{\"Attribute\":\"mx_City\",\"Value\":\"Oslo\"},"
                + "{\"Attribute\":\"SearchBy\",\"Value\":\"Phone\"}]");
    var sameLeadAgain =
        post(
            tenant,
            "Lead.Update?leadId=" + first,
            "[{\"Attribute\":\"LastName\",\"Value\":\"Uno\"}]");

    assertError(duplicate, "MXDuplicateEntryException");
    assertThat(json(duplicate).get("ExceptionMessage").asText())
        .isEqualTo("A Lead with same Phone Number already exists.");
    assertError(movedOnto, "MXDuplicateEntryException");
    assertThat(json(byPhone).get("Message").get("Id").asText()).isEqualTo(first);
    assertThat(sameLeadAgain.statusCode()).isEqualTo(200);

    server.leadtrail().organisations().setSharedPhones(tenant.orgId(), true);
    var shared =
        post(
            tenant,
            "Lead.Create",
            "[{\"Attribute\":\"FirstName\",\"Value\":\"Bob\"},{\"Attribute\":\"Phone\",\"Value\":\"+1 555 0101\"}]");
    assertThat(shared.statusCode()).as(shared.body()).isEqualTo(200);
  }

  private JsonNode capture(Tenant tenant, String query, String attributes) {
    return json(post(tenant, "Lead.Capture" + query, "[" + attributes + "]"));
  }

  private static String attribute(String name, String value) {
    return "{\"Attribute\":\"" + name + "\",\"Value\":\"" + value + "\"}";
  }

  private JsonNode byId(Tenant tenant, String id) {
    return single(get(tenant, "Leads.GetById?id=" + id));
  }

  @Test
  void capture_findsTheLeadByProspectIdEmailOrPhone_elseCreatesOne() {
    Tenant tenant = server.newTenant("Capture");
    String ann = lead(tenant, "Ann", "One", "ann@capture.example", "+1 555 0201");

    JsonNode byEmail =
        capture(
            tenant,
            "",
            attribute("EmailAddress", "ANN@capture.example") + "," + attribute("mx_City", "Oslo"));
    JsonNode byPhone =
        capture(tenant, "", attribute("Phone", "+1 555 0201") + "," + attribute("Company", "Acme"));
    JsonNode byId =
        capture(tenant, "", attribute("ProspectID", ann) + "," + attribute("JobTitle", "CTO"));
    JsonNode idButOtherEmail =
        capture(
            tenant,
            "",
            attribute("ProspectID", ann)
                + ","
                + attribute("EmailAddress", "someone@capture.example"));
    JsonNode nothing = capture(tenant, "", attribute("FirstName", "Nobody"));

    assertThat(byEmail.get("Message").get("Id").asText()).isEqualTo(ann);
    assertThat(byEmail.get("Message").get("IsCreated").asBoolean()).isFalse();
    assertThat(byPhone.get("Message").get("Id").asText()).isEqualTo(ann);
    assertThat(byId.get("Message").get("Id").asText()).isEqualTo(ann);
    assertThat(idButOtherEmail.get("Message").get("Id").asText()).isNotEqualTo(ann);
    assertThat(idButOtherEmail.get("Message").get("IsCreated").asBoolean()).isTrue();
    assertThat(nothing.get("Message").get("IsCreated").asBoolean()).isTrue();
    JsonNode lead = byId(tenant, ann);
    assertThat(lead.get("mx_City").asText()).isEqualTo("Oslo");
    assertThat(lead.get("Company").asText()).isEqualTo("Acme");
    assertThat(lead.get("JobTitle").asText()).isEqualTo("CTO");
  }

  @Test
  void capture_updatesAsLeadUpdateBehaviorSays() {
    Tenant tenant = server.newTenant("Behave");
    String ann = lead(tenant, "Ann", "One", "ann@behave.example", "+1 555 0301");
    String key = attribute("EmailAddress", "ann@behave.example");

    capture(tenant, "?LeadUpdateBehavior=DoNotUpdate", key + "," + attribute("FirstName", "Anna"));
    assertThat(byId(tenant, ann).get("FirstName").asText()).isEqualTo("Ann");
    capture(
        tenant,
        "?LeadUpdateBehavior=UpdateOnlyEmptyFields",
        key + "," + attribute("FirstName", "Anna") + "," + attribute("Company", "Acme"));
    assertThat(byId(tenant, ann).get("FirstName").asText()).isEqualTo("Ann");
    assertThat(byId(tenant, ann).get("Company").asText()).isEqualTo("Acme");
    capture(
        tenant,
        "?LeadUpdateBehavior=DoNotUpdateUniqueFields",
        attribute("ProspectID", ann)
            + ","
            + attribute("Phone", "+1 555 0399")
            + ","
            + attribute("LastName", "Uno"));
    assertThat(byId(tenant, ann).get("Phone").asText()).isEqualTo("+1 555 0301");
    assertThat(byId(tenant, ann).get("LastName").asText()).isEqualTo("Uno");
    JsonNode bySearch =
        capture(
            tenant,
            "",
            attribute("Phone", "+1 555 0301")
                + ","
                + attribute("SearchBy", "Phone")
                + ","
                + attribute("Source", "Web"));
    assertThat(bySearch.get("Message").get("Id").asText()).isEqualTo(ann);
    assertError(
        post(tenant, "Lead.Capture?LeadUpdateBehavior=Sometimes", "[" + key + "]"),
        "MXInvalidInputException");
  }

  @Test
  void convert_answersForALeadOfTheOrganisation_andRefusesOthers() {
    Tenant tenant = server.newTenant("Convert");
    Tenant other = server.newTenant("ConvertOther");
    String mine = lead(tenant, "Ann", "One", "ann@convert.example", "+1 555 0401");
    String theirs = lead(other, "Bob", "Two", "bob@convert.example", "+1 555 0402");

    var converted = post(tenant, "Lead.Convert?leadId=" + mine, "");
    var foreign = post(tenant, "Lead.Convert?leadId=" + theirs, "");

    assertThat(converted.statusCode()).as(converted.body()).isEqualTo(200);
    assertThat(json(converted).get("Message").get("Id").asText()).isEqualTo(mine);
    assertError(foreign, "MXInvalidEntityException");
  }

  @Test
  void quickSearch_refusesAnEmptyOrLongKey() {
    Tenant tenant = server.newTenant("QuickBad");

    for (String query : new String[] {"", "key=", "key=%20", "key=" + "a".repeat(101)}) {
      var response = get(tenant, "Leads.GetByQuickSearch?" + query);
      assertThat(response.statusCode()).as(query).isEqualTo(500);
      assertThat(json(response).get("ExceptionMessage").asText()).contains("key");
    }
    var huge = get(tenant, "Leads.GetByQuickSearch?key=" + "a".repeat(10_000));
    assertThat(huge.statusCode()).isIn(400, 414, 431, 500);
    assertThat(json(huge).get("Status").asText()).isEqualTo("Error");
  }

  @Test
  void create_thenGetById_showsTheLeadFlatWithStringValues() {
    Tenant tenant = server.newTenant("Leads");

    var created =
        post(
            tenant,
            "Lead.Create",
            """
            [{"Attribute":"FirstName","Value":"Grace"},{"Attribute":"LastName","Value":"Hopper"},
             {"Attribute":"EmailAddress","Value":"Grace.Hopper@EXAMPLE.com"},
             {"Attribute":"Phone","Value":"+1-555-0100"},{"Attribute":"mx_City","Value":"Arlington"},
             {"Attribute":"Company","Value":12}]\
            """);

    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    String id = json(created).get("Message").get("Id").asText();
    assertThat(json(created).get("Status").asText()).isEqualTo("Success");

    JsonNode lead = single(get(tenant, "Leads.GetById?id=" + id));
    assertThat(lead.get("ProspectID").asText()).isEqualTo(id);
    assertThat(lead.get("FirstName").asText()).isEqualTo("Grace");
    assertThat(lead.get("EmailAddress").asText()).isEqualTo("Grace.Hopper@example.com");
    assertThat(lead.get("Phone").asText()).isEqualTo("+1-555-0100");
    assertThat(lead.get("Company").asText()).isEqualTo("12");
    assertThat(lead.get("mx_City").asText()).isEqualTo("Arlington");
    assertThat(lead.get("OwnerId").asText()).isEqualTo(tenant.userId().value());
    assertThat(lead.get("Score").asText()).isEqualTo("0");
    assertThat(lead.get("CreatedOn").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
    assertThat(lead.get("Mobile").isNull()).isTrue();
  }

  @Test
  void getByEmailaddress_matchesIgnoringCaseAndAnswersAnEmptyArrayWhenNone() {
    Tenant tenant = server.newTenant("ByEmail");
    post(tenant, "Lead.Create", "[{\"Attribute\":\"EmailAddress\",\"Value\":\"ada@example.com\"}]");

    var found = get(tenant, "Leads.GetByEmailAddress?emailaddress=ADA@example.com");
    var none = get(tenant, "Leads.GetByEmailaddress?emailaddress=nobody@example.com");

    assertThat(single(found).get("EmailAddress").asText()).isEqualTo("ada@example.com");
    assertThat(none.body()).isEqualTo("[]");
  }

  @Test
  void create_withAnEmailAlreadyTaken_answersDuplicateEntry() {
    Tenant tenant = server.newTenant("Duplicates");
    post(tenant, "Lead.Create", "[{\"Attribute\":\"EmailAddress\",\"Value\":\"dup@example.com\"}]");

    var again =
        post(
            tenant,
            "Lead.Create",
            "[{\"Attribute\":\"EmailAddress\",\"Value\":\"DUP@example.com\"}]");

    assertError(again, "MXDuplicateEntryException");
  }

  @Test
  void theSameEmail_mayBelongToLeadsOfTwoOrganisations() {
    Tenant first = server.newTenant("One");
    Tenant second = server.newTenant("Two");
    String body = "[{\"Attribute\":\"EmailAddress\",\"Value\":\"shared@example.com\"}]";

    assertThat(post(first, "Lead.Create", body).statusCode()).isEqualTo(200);
    assertThat(post(second, "Lead.Create", body).statusCode()).isEqualTo(200);
  }

  @Test
  void create_withoutNameEmailOrPhone_answersMandatoryAttributeMissing() {
    Tenant tenant = server.newTenant("Nameless");

    var response = post(tenant, "Lead.Create", "[{\"Attribute\":\"Company\",\"Value\":\"Acme\"}]");

    assertError(response, "MXMandatoryAttributeMissingException");
  }

  @Test
  void create_withAnUnknownAttribute_answersUnknownAttribute() {
    Tenant tenant = server.newTenant("Unknown");

    var response =
        post(
            tenant,
            "Lead.Create",
            """
            [{"Attribute":"FirstName","Value":"X"},{"Attribute":"Shoe","Value":"42"}]\
            """);

    assertError(response, "MXUnknownAttributeException");
  }

  @Test
  void create_withTheSameAttributeTwice_answersInvalidInput() {
    Tenant tenant = server.newTenant("Twice");

    var response =
        post(
            tenant,
            "Lead.Create",
            """
            [{"Attribute":"FirstName","Value":"X"},{"Attribute":"firstname","Value":"Y"}]\
            """);

    assertError(response, "MXInvalidInputException");
  }

  @Test
  void create_withABadEmail_answersInvalidInputNamingIt() {
    Tenant tenant = server.newTenant("BadEmail");

    var response =
        post(
            tenant, "Lead.Create", "[{\"Attribute\":\"EmailAddress\",\"Value\":\"not-an-email\"}]");

    assertError(response, "MXInvalidInputException");
    assertThat(json(response).get("ExceptionMessage").asText())
        .startsWith("Invalid Input! Parameter Name: EmailAddress");
  }

  @Test
  void create_withAnOwnerOfAnotherOrganisation_isRefusedAndWritesNothing() {
    Tenant tenant = server.newTenant("Owners");
    Tenant other = server.newTenant("Stranger");

    var response =
        post(
            tenant,
            "Lead.Create",
            """
            [{"Attribute":"EmailAddress","Value":"owned@example.com"},
             {"Attribute":"OwnerId","Value":"%s"}]\
            """
                .formatted(other.userId()));

    assertError(response, "MXInvalidInputException");
    assertThat(get(tenant, "Leads.GetByEmailaddress?emailaddress=owned@example.com").body())
        .isEqualTo("[]");
  }

  @Test
  void update_changesTheNamedAttributesAndClearsEmptyOnes() {
    Tenant tenant = server.newTenant("Updates");
    String id =
        createdId(
            tenant,
            """
            [{"Attribute":"FirstName","Value":"Alan"},{"Attribute":"mx_City","Value":"London"}]\
            """);

    var updated =
        post(
            tenant,
            "Lead.Update?leadId=" + id,
            """
            [{"Attribute":"LastName","Value":"Turing"},{"Attribute":"MX_CITY","Value":""}]\
            """);

    assertThat(updated.body())
        .isEqualTo("{\"Status\":\"Success\",\"Message\":{\"AffectedRows\":1}}");
    JsonNode lead = single(get(tenant, "Leads.GetById?id=" + id));
    assertThat(lead.get("FirstName").asText()).isEqualTo("Alan");
    assertThat(lead.get("LastName").asText()).isEqualTo("Turing");
    assertThat(lead.has("mx_City")).isFalse();
  }

  @Test
  void update_ofAnUnknownLead_answersInvalidEntity() {
    Tenant tenant = server.newTenant("Ghost");

    var response =
        post(
            tenant,
            "Lead.Update?leadId=0b7e6c1e-0000-4000-8000-000000000000",
            "[{\"Attribute\":\"FirstName\",\"Value\":\"X\"}]");

    assertError(response, "MXInvalidEntityException");
    assertThat(json(response).get("ExceptionMessage").asText())
        .isEqualTo("Lead does not exist in the system");
  }

  @Test
  void anotherOrganisation_cannotSeeOrChangeALead() {
    Tenant owner = server.newTenant("Keeper");
    Tenant intruder = server.newTenant("Intruder");
    String id =
        createdId(owner, "[{\"Attribute\":\"EmailAddress\",\"Value\":\"secret@example.com\"}]");

    assertThat(get(intruder, "Leads.GetById?id=" + id).body()).isEqualTo("[]");
    assertThat(get(intruder, "Leads.GetByEmailaddress?emailaddress=secret@example.com").body())
        .isEqualTo("[]");
    assertError(
        post(
            intruder,
            "Lead.Update?leadId=" + id,
            "[{\"Attribute\":\"FirstName\",\"Value\":\"X\"}]"),
        "MXInvalidEntityException");
    assertThat(single(get(owner, "Leads.GetById?id=" + id)).get("FirstName").isNull()).isTrue();
  }

  @Test
  void createOrUpdate_createsOnceThenUpdatesTheLeadFoundByEmail() {
    Tenant tenant = server.newTenant("Upsert");
    String body =
        """
        [{"Attribute":"EmailAddress","Value":"upsert@example.com"},
         {"Attribute":"FirstName","Value":"%s"},{"Attribute":"SearchBy","Value":"EmailAddress"}]\
        """;

    var first = post(tenant, "Lead.CreateOrUpdate", body.formatted("One"));
    var second = post(tenant, "Lead.CreateOrUpdate", body.formatted("Two"));

    String id = json(first).get("Message").get("Id").asText();
    assertThat(json(first).get("Message").get("AffectedRows").asInt()).isEqualTo(1);
    assertThat(json(second).get("Message").get("Id").asText()).isEqualTo(id);
    assertThat(single(get(tenant, "Leads.GetById?id=" + id)).get("FirstName").asText())
        .isEqualTo("Two");
  }

  private String createdId(Tenant tenant, String body) {
    var response = post(tenant, "Lead.Create", body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response).get("Message").get("Id").asText();
  }

  private HttpResponse<String> post(Tenant tenant, String operation, String body) {
    String separator = operation.contains("?") ? "&" : "?";
    return server.postJson(SERVICE + operation + separator + tenant.keyQuery(), body);
  }

  private HttpResponse<String> get(Tenant tenant, String operationAndQuery) {
    return server.get(SERVICE + operationAndQuery + "&" + tenant.keyQuery());
  }

  private static JsonNode single(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode array = json(response);
    assertThat(array.isArray()).isTrue();
    assertThat(array).hasSize(1);
    return array.get(0);
  }

  private static void assertError(HttpResponse<String> response, String exceptionType) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(500);
    assertThat(json(response).get("ExceptionType").asText()).isEqualTo(exceptionType);
  }
}
