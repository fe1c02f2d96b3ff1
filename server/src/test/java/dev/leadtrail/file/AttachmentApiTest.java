package dev.leadtrail.file;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadtrail.testing.MultipartBody;
import dev.leadtrail.testing.Tenant;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Contract section 8: {@code Attachment/Add}, and attachments read back. */
abstract class AttachmentApiTest extends FetchingApiTestCase {

  record Posted(Tenant tenant, String activityId) {}

  private Posted posted(String name, boolean allowAttachments) {
    Tenant tenant = server.newTenant(name);
    post(
        tenant,
        "CreateType",
        "{\"ActivityEventName\":\"Chat\",\"AllowAttachments\":" + allowAttachments + "}");
    String lead = server.newLead(tenant, "Ann");
    return new Posted(tenant, server.newActivity(tenant, lead));
  }

  private HttpResponse<String> attach(Posted posted, String activityId, String file) {
    return post(
        posted.tenant(),
        "Attachment/Add",
        """
        {"ProspectActivityId":"%s","AttachmentName":"Transcript","Description":"The whole chat",
         "AttachmentFile":"%s"}\
        """
            .formatted(activityId, file));
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

  private long attachments() throws Exception {
    return Long.parseLong(database.queryString("SELECT COUNT(*) FROM activity_attachments"));
  }

  @Test
  void anUploadedFile_isAttached_andListedOnTheActivity() {
    Posted posted = posted("Attach", true);
    String name = server.uploadFile(posted.tenant(), "chat.txt", "hello".getBytes());

    var response = attach(posted, posted.activityId(), name);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    String id = json(response).get("Message").get("Id").asText();
    assertThat(json(response).get("Status").asText()).isEqualTo("Success");
    JsonNode listed = details(posted, "").get("Attachments");
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).get("Id").asText()).isEqualTo(id);
    assertThat(listed.get(0).get("Name").asText()).isEqualTo("Transcript");
    assertThat(listed.get(0).get("Description").asText()).isEqualTo("The whole chat");
    assertThat(listed.get(0).get("CreatedBy").asText()).isEqualTo(posted.tenant().userId().value());
    assertThat(listed.get(0).has("FileURL")).isFalse();
    assertThat(
            details(posted, "&getFileURL=true").get("Attachments").get(0).get("FileURL").asText())
        .isEqualTo(server.baseUrl() + "/File/Download?name=" + name);
  }

  @Test
  void anAttachedTemporaryFile_isKeptForGood() throws Exception {
    Posted posted = posted("AttachTemporary", true);
    var form =
        new MultipartBody()
            .field("FileStorageType", "1")
            .file("uploadFiles", "chat.txt", "text/plain", "hello".getBytes());
    var uploaded =
        server.send(
            server
                .request("/File/Upload?" + posted.tenant().keyQuery())
                .header("Content-Type", form.contentType())
                .POST(form.publisher())
                .build());
    String name = json(uploaded).get("uploadedFile").asText();

    assertThat(attach(posted, posted.activityId(), name).statusCode()).isEqualTo(200);

    assertThat(
            database.queryString(
                "SELECT COUNT(*) FROM files WHERE name = '" + name + "' AND expires_at IS NULL"))
        .isEqualTo("1");
  }

  @Test
  void aUrl_isFetchedAndAttached() {
    Posted posted = posted("AttachUrl", true);

    var response = attach(posted, posted.activityId(), origin.url("/files/chat.log"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    String stored = details(posted, "").get("Attachments").get(0).get("AttachmentFile").asText();
    assertThat(stored).matches("[0-9a-f]{32}\\.log");
    assertThat(
            server.get("/File/Download?name=" + stored + "&" + posted.tenant().keyQuery()).body())
        .isEqualTo("content of chat.log");
  }

  @Test
  void aTypeWithoutAttachments_refusesThem() throws Exception {
    Posted posted = posted("NoAttach", false);
    String name = server.uploadFile(posted.tenant(), "chat.txt", "hello".getBytes());
    long before = attachments();

    var response = attach(posted, posted.activityId(), name);

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(json(response).get("ExceptionType").asText())
        .isEqualTo("MXInvalidActivityException");
    assertThat(attachments()).isEqualTo(before);
    assertThat(details(posted, "").has("Attachments")).isFalse();
  }

  @Test
  void anotherOrganisationsActivityOrFile_isAnsweredAsAnUnknownOne() throws Exception {
    Posted mine = posted("Mine", true);
    Posted theirs = posted("Theirs", true);
    String myFile = server.uploadFile(mine.tenant(), "a.txt", new byte[] {1});
    String theirFile = server.uploadFile(theirs.tenant(), "b.txt", new byte[] {2});
    String unknownActivity = "00000000-0000-0000-0000-00000000abcd";
    long before = attachments();

    var foreignActivity = attach(mine, theirs.activityId(), myFile);
    var missingActivity = attach(mine, unknownActivity, myFile);
    var foreignFile = attach(mine, mine.activityId(), theirFile);
    var missingFile = attach(mine, mine.activityId(), "0".repeat(32) + ".txt");

    assertThat(json(foreignActivity).get("ExceptionType").asText())
        .isEqualTo(json(missingActivity).get("ExceptionType").asText())
        .isEqualTo("MXUnknownProspectActivityException");
    assertThat(json(foreignFile).get("ExceptionMessage").asText().replace(theirFile, "N"))
        .isEqualTo(
            json(missingFile)
                .get("ExceptionMessage")
                .asText()
                .replace("0".repeat(32) + ".txt", "N"))
        .contains("AttachmentFile");
    assertThat(attachments()).isEqualTo(before);
  }

  @Test
  void aMissingFileOrActivity_isInvalidInput() {
    Posted posted = posted("Missing", true);

    var noFile =
        post(
            posted.tenant(),
            "Attachment/Add",
            "{\"ProspectActivityId\":\"" + posted.activityId() + "\"}");
    var noActivity = post(posted.tenant(), "Attachment/Add", "{\"AttachmentFile\":\"x.txt\"}");

    assertThat(json(noFile).get("ExceptionMessage").asText()).contains("AttachmentFile");
    assertThat(json(noActivity).get("ExceptionMessage").asText()).contains("ProspectActivityId");
  }
}
