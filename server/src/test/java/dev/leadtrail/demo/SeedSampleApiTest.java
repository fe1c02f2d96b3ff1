package dev.leadtrail.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadtrail.testing.ApiTestCase;
import dev.leadtrail.testing.MultipartBody;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The mission's own sample (seed/update-an-activity.txt), sent byte for byte against the demo
 * organisation at the sample's own URL with only the host changed.
 */
abstract class SeedSampleApiTest extends ApiTestCase {

  private static final String KEYS = "accessKey=AccessKey&secretKey=SecretKey";
  private static final String ACTIVITY = "093d5c54-6009-48d4-840e-84fd12e8d63a";

  @BeforeAll
  void seedTheDemo() {
    DemoOrganisation.ensure(server.leadtrail());
    DemoOrganisation.ensure(server.leadtrail());
  }

  @Test
  void theSeedsUpdateSample_runsAsPastedAndShowsInDetailsAndHistory() throws IOException {
    byte[] sample;
    try (InputStream in = getClass().getResourceAsStream("/seed/update-an-activity.json")) {
      sample = in.readAllBytes();
    }

    var response =
        server.send(
            server
                .request("/v2/ProspectActivity.svc/CustomActivity/Update?" + KEYS)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(sample))
                .build());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body())
        .isEqualTo("{\"Status\":\"Success\",\"Message\":{\"Id\":\"" + ACTIVITY + "\"}}");
    JsonNode details =
        json(
            server.get(
                "/v2/ProspectActivity.svc/GetActivityDetails?activityId=" + ACTIVITY + "&" + KEYS));
    Map<String, String> values = new HashMap<>();
    details
        .get("Fields")
        .forEach(f -> values.put(f.get("SchemaName").asText(), f.get("Value").asText()));
    assertThat(details.get("Fields")).hasSize(18);
    assertThat(values)
        .containsEntry("ActivityEvent_Note", "Sample Note")
        .containsEntry("mx_Custom_1", "abcd")
        .containsEntry("mx_Custom_4", "1")
        .containsEntry("mx_Custom_9", "1")
        .containsEntry("mx_Custom_3", "")
        .containsEntry("Status", "Active")
        .containsEntry("Owner", "c7b539c1-3f7f-11e6-bec9-22000aa5088d");
    JsonNode history =
        json(
            server.postJson(
                "/v2/ProspectActivity.svc/RetrieveActivityChange?" + KEYS,
                """
                {"Parameter":{"FromDate":"2000-01-01 00:00:00","ToDate":"2100-01-01 00:00:00",
                              "ActivityID":"%s"}}\
                """
                    .formatted(ACTIVITY)));
    assertThat(history.get("RecordCount").asInt()).isEqualTo(1);
    assertThat(history.get("Activities").get(0).get("Changes"))
        .extracting(c -> c.get("Field").asText())
        .contains("ActivityEvent_Note", "mx_Custom_1", "mx_Custom_4", "mx_Custom_9");
    assertThat(new String(sample, StandardCharsets.UTF_8)).contains("\"ProcessFilesAsync\": true");
  }

  @Test
  void theDemosDocumentReview_takesAFileInItsFieldAndInItsSet() throws IOException {
    var form =
        new MultipartBody()
            .field("AccessKey", "AccessKey")
            .field("SecretKey", "SecretKey")
            .field("FileType", "7")
            .field("Entity", "1")
            .field("Id", "314")
            .file(
                "uploadFiles",
                "passport.png",
                "image/png",
                new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    var uploaded =
        server.send(
            server
                .request("/File/Upload")
                .header("Content-Type", form.contentType())
                .POST(form.publisher())
                .build());
    String name = json(uploaded).get("uploadedFile").asText();

    var update =
        server.postJson(
            "/v2/ProspectActivity.svc/CustomActivity/Update?" + KEYS,
            """
            {"ProspectActivityId":"%s","ActivityEvent":314,"Fields":[
              {"SchemaName":"mx_Custom_1","Value":"%s"},
              {"SchemaName":"mx_Custom_3","Value":"","Fields":[
                {"SchemaName":"mx_CustomObject_1","Value":"%s"},
                {"SchemaName":"mx_CustomObject_2","Value":"Approved"}]}]}\
            """
                .formatted(DemoOrganisation.DOCUMENT_ACTIVITY_ID.value(), name, name));

    assertThat(update.statusCode()).as(update.body()).isEqualTo(200);
    JsonNode details =
        json(
            server.get(
                "/v2/ProspectActivity.svc/GetActivityDetails?activityId="
                    + DemoOrganisation.DOCUMENT_ACTIVITY_ID.value()
                    + "&getFileURL=true&"
                    + KEYS));
    String url = server.baseUrl() + "/File/Download?name=" + name;
    Map<String, String> values = new HashMap<>();
    details
        .get("Fields")
        .forEach(f -> values.put(f.get("SchemaName").asText(), f.get("Value").asText()));
    assertThat(values.get("mx_Custom_1")).isEqualTo(url);
    assertThat(values.get("mx_Custom_3"))
        .contains(url)
        .contains("\"ModifiedByName\":\"Demo User\"");
    var download = server.get("/File/Download?name=" + name + "&" + KEYS);
    assertThat(download.statusCode()).isEqualTo(200);
  }
}
