package dev.leadtrail.file;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadtrail.testing.Eventually;
import dev.leadtrail.testing.Tenant;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Contract section 8: File fields holding stored names and URLs, fetched now or later. */
abstract class FileFieldApiTest extends FetchingApiTestCase {

  private static final String TYPE =
      """
      {"ActivityEventName":"Document Review","Fields":[
        {"SchemaName":"mx_Custom_1","DataType":"File"},
        {"SchemaName":"mx_Custom_2","DataType":"Number"},
        {"SchemaName":"mx_Custom_3","DataType":"Url"}]}\
      """;

  record Posted(Tenant tenant, String activityId) {}

  private Posted posted(String name) {
    Tenant tenant = server.newTenant(name);
    assertThat(post(tenant, "CreateType", TYPE).statusCode()).isEqualTo(200);
    String lead = server.newLead(tenant, "Ann");
    var created =
        post(tenant, "Create", "{\"RelatedProspectId\":\"" + lead + "\",\"ActivityEvent\":200}");
    return new Posted(tenant, json(created).get("Message").get("Id").asText());
  }

  private HttpResponse<String> update(Posted posted, boolean async, String fields) {
    return post(
        posted.tenant(),
        "CustomActivity/Update",
        """
        {"ProspectActivityId":"%s","ActivityEvent":200,"ProcessFilesAsync":%s,"Fields":[%s]}\
        """
            .formatted(posted.activityId(), async, fields));
  }

  private static String field(String schemaName, String value) {
    return "{\"SchemaName\":\"" + schemaName + "\",\"Value\":\"" + value + "\"}";
  }

  private JsonNode details(Posted posted, String extraQuery) {
    return json(
        server.get(
            ACTIVITIES
                + "GetActivityDetails?activityId="
                + posted.activityId()
                + extraQuery
                + "&"
                + posted.tenant().keyQuery()));
  }

  private static JsonNode detailField(JsonNode details, String schemaName) {
    for (JsonNode field : details.get("Fields")) {
      if (field.get("SchemaName").asText().equals(schemaName)) {
        return field;
      }
    }
    throw new AssertionError("no field " + schemaName);
  }

  private String fileValue(Posted posted) {
    return detailField(details(posted, ""), "mx_Custom_1").get("Value").asText();
  }

  private long count(String table) throws Exception {
    return Long.parseLong(database.queryString("SELECT COUNT(*) FROM " + table));
  }

  private void assertRefusedNaming(HttpResponse<String> response, String schemaName) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(500);
    assertThat(json(response).get("ExceptionType").asText()).isEqualTo("MXInvalidInputException");
    assertThat(json(response).get("ExceptionMessage").asText()).contains(schemaName);
  }

  @Test
  void aStoredName_isKept_andReadAsItsUrlWithGetFileUrl() {
    Posted posted = posted("Stored");
    String first = server.uploadFile(posted.tenant(), "a.pdf", new byte[] {1});
    String second = server.uploadFile(posted.tenant(), "b.png", new byte[] {2});

    var response = update(posted, false, field("mx_Custom_1", first + ", " + second));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(fileValue(posted)).isEqualTo(first + "," + second);
    String urls =
        server.baseUrl()
            + "/File/Download?name="
            + first
            + ","
            + server.baseUrl()
            + "/File/Download?name="
            + second;
    for (String spelling : List.of("getFileURL", "getfileurl", "getFileUrl")) {
      assertThat(
              detailField(details(posted, "&" + spelling + "=true"), "mx_Custom_1")
                  .get("Value")
                  .asText())
          .isEqualTo(urls);
    }
    JsonNode retrieved =
        json(
            server.postJson(
                ACTIVITIES
                    + "Retrieve?leadId="
                    + leadOf(posted)
                    + "&getFileURL=true&"
                    + posted.tenant().keyQuery(),
                "{}"));
    assertThat(
            retrieved
                .get("ProspectActivities")
                .get(0)
                .get("ActivityFields")
                .get("mx_Custom_1")
                .asText())
        .isEqualTo(urls);
  }

  private String leadOf(Posted posted) {
    JsonNode row =
        json(post(
                posted.tenant(),
                "CustomActivity/RetrieveByActivityEvent",
                "{\"Parameter\":{\"ActivityEvent\":200}}"))
            .get("List")
            .get(0);
    return row.get("RelatedProspectId").asText();
  }

  @Test
  void anUnknownNameOrAnotherOrganisationsFile_isRefusedAlike() {
    Posted posted = posted("Unknown");
    String theirs = server.uploadFile(server.newTenant("Theirs"), "t.txt", new byte[] {1});

    var foreign = update(posted, false, field("mx_Custom_1", theirs));
    var unknown = update(posted, false, field("mx_Custom_1", "0".repeat(32) + ".txt"));

    assertRefusedNaming(foreign, "mx_Custom_1");
    assertThat(json(foreign).get("ExceptionMessage").asText().replace(theirs, "N"))
        .isEqualTo(
            json(unknown).get("ExceptionMessage").asText().replace("0".repeat(32) + ".txt", "N"));
    assertThat(fileValue(posted)).isEmpty();
  }

  @Test
  void aUrl_isFetchedBeforeAnswering_andStoredUnderANewName() throws Exception {
    Posted posted = posted("Fetched");

    var response = update(posted, false, field("mx_Custom_1", origin.url("/files/report.txt")));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    String name = fileValue(posted);
    assertThat(name).matches("[0-9a-f]{32}\\.txt");
    var download = server.get("/File/Download?name=" + name + "&" + posted.tenant().keyQuery());
    assertThat(download.body()).isEqualTo("content of report.txt");
    assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("report.txt");
  }

  @Test
  void aUrlInAFieldOfAnotherType_isNotFetched() {
    Posted posted = posted("UrlField");
    int before = origin.requests();

    var response = update(posted, false, field("mx_Custom_3", origin.url("/files/x.txt")));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(origin.requests()).isEqualTo(before);
  }

  @Test
  void aFetchThatFails_failsTheCallNamingTheField_andChangesNothing() throws Exception {
    Posted posted = posted("FetchFails");
    long files = count("files");

    for (String url :
        List.of(
            origin.url("/missing/a.txt"),
            "http://10.0.0.1/a.txt",
            "http://169.254.169.254/latest/meta-data/",
            "http://[::ffff:127.0.0.1]/a.txt")) {
      var response =
          update(posted, false, field("mx_Custom_2", "5") + "," + field("mx_Custom_1", url));
      assertRefusedNaming(response, "mx_Custom_1");
      assertThat(json(response).get("ExceptionMessage").asText()).contains("could not be fetched");
    }
    for (String url : List.of("file:///etc/passwd", "ftp://example.com/a", "gopher://x/a")) {
      assertRefusedNaming(update(posted, false, field("mx_Custom_1", url)), "mx_Custom_1");
    }
    assertThat(count("files")).isEqualTo(files);
    JsonNode details = details(posted, "");
    assertThat(detailField(details, "mx_Custom_2").get("Value").asText()).isEmpty();
    assertThat(detailField(details, "mx_Custom_1").get("Value").asText()).isEmpty();
  }

  @Test
  void create_fetchesUrlsToo() {
    Tenant tenant = server.newTenant("CreateFetch");
    post(tenant, "CreateType", TYPE);
    String lead = server.newLead(tenant, "Bo");

    var created =
        post(
            tenant,
            "Create",
            """
            {"RelatedProspectId":"%s","ActivityEvent":200,
             "Fields":[{"SchemaName":"mx_Custom_1","Value":"%s"}]}\
            """
                .formatted(lead, origin.url("/files/created.txt")));

    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    var posted = new Posted(tenant, json(created).get("Message").get("Id").asText());
    assertThat(fileValue(posted)).matches("[0-9a-f]{32}\\.txt");
  }

  @Test
  void async_answersAtOnce_showsTheUrlUntilTheFileIsStored_andRecordsTheSystemsChange() {
    Posted posted = posted("Async");
    String url = origin.url("/files/later.txt");

    var response = update(posted, true, field("mx_Custom_1", url));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Eventually.await(
        "the fetched file in its field",
        Duration.ofSeconds(10),
        () -> fileValue(posted).matches("[0-9a-f]{32}\\.txt"));
    assertThat(detailField(details(posted, ""), "mx_Custom_1").has("FileStatus")).isFalse();
    JsonNode history =
        json(
            post(
                posted.tenant(),
                "RetrieveActivityChange",
                "{\"Parameter\":{\"ActivityID\":\"%s\",\"FromDate\":\"2000-01-01 00:00:00\",\"ToDate\":\"2100-01-01 00:00:00\"}}"
                    .formatted(posted.activityId())));
    JsonNode changes = history.get("Activities").get(0).get("Changes");
    JsonNode last = changes.get(changes.size() - 1);
    assertThat(last.get("Field").asText()).isEqualTo("mx_Custom_1");
    assertThat(last.get("OldValue").asText()).isEqualTo(url);
    assertThat(last.get("ModifiedBy").asText()).isEqualTo("00000000-0000-0000-0000-000000000000");
  }

  @Test
  void async_retriesAFailedFetch() {
    Posted posted = posted("Retry");

    update(posted, true, field("mx_Custom_1", origin.url("/flaky/retry.txt")));

    Eventually.await(
        "the file fetched on its second try",
        Duration.ofSeconds(10),
        () -> fileValue(posted).matches("[0-9a-f]{32}\\.txt"));
  }

  @Test
  void async_aFinalFailure_isShownOnTheField_andTheUrlStays() {
    Posted posted = posted("AsyncFails");
    String url = origin.url("/missing/never.txt");

    update(posted, true, field("mx_Custom_1", url));

    Eventually.await(
        "the fetch to fail for good",
        Duration.ofSeconds(10),
        () ->
            detailField(details(posted, ""), "mx_Custom_1")
                .path("FileStatus")
                .asText()
                .startsWith("Failed"));
    JsonNode field = detailField(details(posted, ""), "mx_Custom_1");
    assertThat(field.get("Value").asText()).isEqualTo(url);
    assertThat(field.get("FileStatus").asText()).contains("HTTP 404");
  }

  @Test
  void async_aRefusedUpdate_leavesNoFetch() throws Exception {
    Posted posted = posted("Rollback");
    long fetches = count("file_fetches");

    var response =
        update(
            posted,
            true,
            field("mx_Custom_1", origin.url("/files/x.txt")) + "," + field("mx_Custom_2", "NaN"));

    assertRefusedNaming(response, "mx_Custom_2");
    assertThat(count("file_fetches")).isEqualTo(fetches);
  }
}
