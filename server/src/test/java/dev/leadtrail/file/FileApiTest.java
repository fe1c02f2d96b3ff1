package dev.leadtrail.file;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadtrail.config.LeadtrailConfig;
import dev.leadtrail.testing.ApiTestCase;
import dev.leadtrail.testing.MultipartBody;
import dev.leadtrail.testing.Tenant;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Contract section 8: uploads and downloads, and what they refuse. */
abstract class FileApiTest extends ApiTestCase {

  static final int LIMIT = 100_000;

  @Override
  protected LeadtrailConfig configure(LeadtrailConfig config) {
    var files = config.files();
    return withoutRateLimits(config)
        .withFiles(
            new LeadtrailConfig.Files(
                files.store(),
                files.directory(),
                LIMIT,
                files.temporaryFor(),
                files.fetchTries(),
                files.firstRetry()));
  }

  HttpResponse<String> upload(String path, MultipartBody form) {
    return server.send(
        server
            .request(path)
            .header("Content-Type", form.contentType())
            .POST(form.publisher())
            .build());
  }

  HttpResponse<String> upload(Tenant tenant, MultipartBody form) {
    return upload("/File/Upload?" + tenant.keyQuery(), form);
  }

  String uploadedName(Tenant tenant, String fileName, byte[] content) {
    var response =
        upload(tenant, new MultipartBody().file("uploadFiles", fileName, "text/plain", content));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response).get("uploadedFile").asText();
  }

  HttpResponse<byte[]> download(Tenant tenant, String name) {
    try {
      return java.net.http.HttpClient.newHttpClient()
          .send(
              server.request("/File/Download?name=" + name + "&" + tenant.keyQuery()).GET().build(),
              HttpResponse.BodyHandlers.ofByteArray());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  long storedFiles() throws Exception {
    return Long.parseLong(database.queryString("SELECT COUNT(*) FROM files"));
  }

  @Test
  void upload_answersTheStoredNameAndItsUrl_asLeadSquaredsClientsReadThem() {
    Tenant tenant = server.newTenant("Upload");
    server.postJson(
        "/v2/ProspectActivity.svc/CreateType?" + tenant.keyQuery(),
        "{\"ActivityEventName\":\"Chat\"}");
    byte[] transcript = "A long conversation".getBytes(StandardCharsets.UTF_8);

    var response =
        upload(
            "/File/Upload",
            new MultipartBody()
                .field("AccessKey", tenant.keys().accessKey())
                .field("SecretKey", tenant.keys().secretKey())
                .field("FileType", "0")
                .field("Entity", "1")
                .field("Id", "200")
                .field("SchemaName", "mx_Custom_1")
                .field("FileStorageType", "0")
                .file("uploadFiles", "transcript.txt", "text/plain", transcript));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode answer = json(response);
    String name = answer.get("uploadedFile").asText();
    assertThat(answer.get("Status").asText()).isEqualTo("Success");
    assertThat(name).matches("[0-9a-f]{32}\\.txt");
    assertThat(answer.get("s3FilePath").asText())
        .isEqualTo(server.baseUrl() + "/File/Download?name=" + name)
        .isEqualTo(answer.get("relativeFilePath").asText());
    assertThat(answer.has("description")).isTrue();
    assertThat(answer.get("description").isNull()).isTrue();

    var downloaded = download(tenant, name);
    assertThat(downloaded.statusCode()).isEqualTo(200);
    assertThat(downloaded.body()).isEqualTo(transcript);
    assertThat(downloaded.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"transcript.txt\"; filename*=UTF-8''transcript.txt");
    assertThat(downloaded.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(downloaded.headers().firstValue("Content-Type")).hasValue("text/plain");
  }

  @Test
  void upload_isServedUnderV2Too_withTheKeysInHeaders() {
    Tenant tenant = server.newTenant("Headers");
    var form = new MultipartBody().file("uploadFiles", "a.png", "image/png", new byte[] {1, 2, 3});

    var response =
        server.send(
            server
                .request("/v2/File/Upload")
                .header("x-LSQ-AccessKey", tenant.keys().accessKey())
                .header("x-LSQ-SecretKey", tenant.keys().secretKey())
                .header("Content-Type", form.contentType())
                .POST(form.publisher())
                .build());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(json(response).get("uploadedFile").asText()).endsWith(".png");
  }

  @Test
  void download_ofAnotherOrganisationsFile_answersAsAMissingOne() {
    Tenant owner = server.newTenant("Owner");
    Tenant other = server.newTenant("Other");
    String name = uploadedName(owner, "secret.txt", "mine".getBytes());
    String missing = "0".repeat(32) + ".txt";

    var theirs = download(other, name);
    var none = download(other, missing);

    assertThat(theirs.statusCode()).isEqualTo(404).isEqualTo(none.statusCode());
    assertThat(new String(theirs.body(), StandardCharsets.UTF_8).replace(name, "N"))
        .isEqualTo(new String(none.body(), StandardCharsets.UTF_8).replace(missing, "N"))
        .contains("MXNotFoundException");
  }

  @Test
  void download_withoutKeys_isRefused() {
    Tenant tenant = server.newTenant("NoKeys");
    String name = uploadedName(tenant, "a.txt", "x".getBytes());

    var response = server.get("/File/Download?name=" + name);

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void upload_withoutKeys_isRefusedAndStoresNothing() throws Exception {
    long before = storedFiles();

    var response =
        upload(
            "/File/Upload",
            new MultipartBody().file("uploadFiles", "a.txt", "text/plain", "x".getBytes()));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(storedFiles()).isEqualTo(before);
  }

  @Test
  void htmlIsServedAsAnAttachmentThatRunsNothing() {
    Tenant tenant = server.newTenant("Html");
    String name = uploadedName(tenant, "page.html", "<script>alert(1)</script>".getBytes());

    var downloaded = download(tenant, name);

    assertThat(downloaded.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment;");
    assertThat(downloaded.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("sandbox");
    assertThat(name).endsWith(".html").doesNotContain("page");
  }

  @Test
  void temporaryFiles_areStoredWithAnExpiry() throws Exception {
    Tenant tenant = server.newTenant("Temporary");
    var response =
        upload(
            tenant,
            new MultipartBody()
                .field("FileStorageType", "1")
                .file("uploadFiles", "t.txt", "text/plain", "x".getBytes()));
    String name = json(response).get("uploadedFile").asText();

    assertThat(
            database.queryString(
                "SELECT COUNT(*) FROM files WHERE name = '"
                    + name
                    + "' AND expires_at IS NOT NULL"))
        .isEqualTo("1");
    assertThat(download(tenant, name).statusCode()).isEqualTo(200);
  }

  // Bad input: a clear MX error, nothing stored.

  private void assertRefused(
      HttpResponse<String> response, int status, String exceptionType, String mentions)
      throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode body = json(response);
    assertThat(body.get("Status").asText()).isEqualTo("Error");
    assertThat(body.get("ExceptionType").asText()).isEqualTo(exceptionType);
    assertThat(body.get("ExceptionMessage").asText()).contains(mentions);
  }

  @Test
  void aFormWithoutUploadFiles_isRefused() throws Exception {
    Tenant tenant = server.newTenant("NoFile");
    long before = storedFiles();

    assertRefused(
        upload(tenant, new MultipartBody().field("FileType", "0")),
        500,
        "MXInvalidInputException",
        "uploadFiles");
    assertRefused(
        upload(tenant, new MultipartBody().file("other", "a.txt", "text/plain", new byte[] {1})),
        500,
        "MXInvalidInputException",
        "uploadFiles");
    assertThat(storedFiles()).isEqualTo(before);
  }

  @Test
  void twoFilesInOneCall_areRefused() throws Exception {
    Tenant tenant = server.newTenant("TwoFiles");
    long before = storedFiles();

    assertRefused(
        upload(
            tenant,
            new MultipartBody()
                .file("uploadFiles", "a.txt", "text/plain", new byte[] {1})
                .file("uploadFiles", "b.txt", "text/plain", new byte[] {2})),
        500,
        "MXInvalidInputException",
        "one file per call");
    assertThat(storedFiles()).isEqualTo(before);
  }

  @Test
  void anEmptyFile_isRefused() throws Exception {
    Tenant tenant = server.newTenant("Empty");
    long before = storedFiles();

    assertRefused(
        upload(tenant, new MultipartBody().file("uploadFiles", "a.txt", "text/plain", new byte[0])),
        500,
        "MXInvalidInputException",
        "empty");
    assertThat(storedFiles()).isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(ints = {LIMIT + 1, LIMIT + 70_000, 3 * LIMIT})
  void aFileOverTheLimit_isAnswered413AndStoresNothing(int size) throws Exception {
    Tenant tenant = server.newTenant("Large");
    long before = storedFiles();
    byte[] content = new byte[size];
    Arrays.fill(content, (byte) 'a');

    var response =
        upload(tenant, new MultipartBody().file("uploadFiles", "big.bin", "text/plain", content));

    assertRefused(response, 413, "MXInvalidInputException", "larger than the limit");
    assertThat(storedFiles()).isEqualTo(before);
  }

  @Test
  void aBodyThatIsNotMultipart_isRefused() throws Exception {
    Tenant tenant = server.newTenant("NotMultipart");

    assertRefused(
        server.postJson("/File/Upload?" + tenant.keyQuery(), "{\"uploadFiles\":\"x\"}"),
        400,
        "MXInvalidInputException",
        "multipart/form-data");
    assertRefused(
        server.send(
            server
                .request("/File/Upload?" + tenant.keyQuery())
                .header("Content-Type", "multipart/form-data; boundary=xyz")
                .POST(HttpRequest.BodyPublishers.ofString("--xyz\r\nnot a part"))
                .build()),
        400,
        "MXInvalidInputException",
        "multipart body could not be read");
  }

  @ParameterizedTest
  @ValueSource(strings = {"../a.txt", "..\\\\a.txt", "dir/a.txt", "...", ".."})
  void unsafeFileNames_areRefused(String fileName) throws Exception {
    Tenant tenant = server.newTenant("Names");
    long before = storedFiles();

    var response =
        upload(
            tenant,
            new MultipartBody().file("uploadFiles", fileName, "text/plain", new byte[] {1}));

    assertRefused(response, 500, "MXInvalidInputException", "uploadFiles");
    assertThat(storedFiles()).isEqualTo(before);
  }

  @Test
  void aFileNameWithNul_isAMalformedBody() throws Exception {
    Tenant tenant = server.newTenant("Nul");
    long before = storedFiles();

    var response =
        upload(
            tenant,
            new MultipartBody().file("uploadFiles", "a\u0000b.txt", "text/plain", new byte[] {1}));

    assertRefused(response, 400, "MXInvalidInputException", "multipart body");
    assertThat(storedFiles()).isEqualTo(before);
  }

  @Test
  void aFileNameOf300Characters_isRefused() throws Exception {
    Tenant tenant = server.newTenant("LongName");

    assertRefused(
        upload(
            tenant,
            new MultipartBody()
                .file("uploadFiles", "a".repeat(296) + ".txt", "text/plain", new byte[] {1})),
        500,
        "MXInvalidInputException",
        "longer than 255");
  }

  @Test
  void unknownEntityFileTypeOrStorage_areRefused() throws Exception {
    Tenant tenant = server.newTenant("Codes");
    long before = storedFiles();

    for (String[] field :
        new String[][] {
          {"Entity", "5"}, {"FileType", "2"}, {"FileStorageType", "9"}, {"Entity", "lead"}
        }) {
      assertRefused(
          upload(
              tenant,
              new MultipartBody()
                  .field(field[0], field[1])
                  .file("uploadFiles", "a.txt", "text/plain", new byte[] {1})),
          500,
          "MXInvalidInputException",
          field[0]);
    }
    assertThat(storedFiles()).isEqualTo(before);
  }

  @Test
  void anIdThatIsNotAnEventCodeOfTheOrganisation_isRefused() throws Exception {
    Tenant tenant = server.newTenant("EventCode");
    long before = storedFiles();

    assertRefused(
        upload(
            tenant,
            new MultipartBody()
                .field("Entity", "1")
                .field("Id", "4242")
                .file("uploadFiles", "a.txt", "text/plain", new byte[] {1})),
        500,
        "MXInvalidInputException",
        "Id");
    assertThat(storedFiles()).isEqualTo(before);
  }

  @Test
  void downloadWithoutAName_isRefused() throws Exception {
    Tenant tenant = server.newTenant("NoName");

    assertRefused(
        server.get("/File/Download?" + tenant.keyQuery()), 500, "MXInvalidInputException", "name");
  }

  @Test
  void otherMethodsOnTheFilePaths_areNotFound() {
    assertThat(server.get("/File/Upload").statusCode()).isEqualTo(404);
    assertThat(server.postJson("/File/Elsewhere", "{}").statusCode()).isEqualTo(404);
  }
}
