package dev.leadtrail.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadtrail.testing.ApiTestCase;
import dev.leadtrail.testing.Tenant;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Routing and request bodies (contract sections 1 and 3): every malformed request gets its status
 * and the MX envelope, and changes nothing.
 */
abstract class HttpContractApiTest extends ApiTestCase {

  private static final String CREATE_LEAD = "/v2/LeadManagement.svc/Lead.Create";
  private static final String EMAIL = "grace@example.com";

  private Tenant tenant;

  @BeforeAll
  void makeTenant() {
    tenant = server.newTenant("Bodies");
  }

  @Test
  void anUnknownOperation_answersNotFound() {
    var response = server.get("/v2/Nothing.svc/Here?" + tenant.keyQuery());

    assertError(response, 404, "MXNotFoundException");
    assertThat(json(response).get("ExceptionMessage").asText()).contains("check the API signature");
  }

  @Test
  void aPathOutsideTheApi_answersNotFoundInTheEnvelope() {
    assertError(server.get("/nothing/here"), 404, "MXNotFoundException");
  }

  @Test
  void aMalformedUri_answersBadRequestInTheEnvelope() throws IOException {
    URI base = URI.create(server.baseUrl());
    try (var socket = new Socket(base.getHost(), base.getPort())) {
      socket
          .getOutputStream()
          .write(
              "GET /v2/Authentication.svc/UserByAccessKey.Get%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

      assertThat(answer).startsWith("HTTP/1.1 400");
      assertThat(answer).contains("application/json");
      assertThat(answer.substring(answer.indexOf("\r\n\r\n") + 4))
          .isEqualTo(
              "{\"Status\":\"Error\",\"ExceptionType\":\"MXInvalidInputException\","
                  + "\"ExceptionMessage\":\"The request is malformed.\"}");
    }
  }

  @Test
  void aGetOnAPostOnlyCall_answersNotFound() {
    assertError(server.get(CREATE_LEAD + "?" + tenant.keyQuery()), 404, "MXNotFoundException");
  }

  @Test
  void aPostOnAGetOnlyCall_answersNotFound() {
    var response =
        server.postJson("/v2/Authentication.svc/UserByAccessKey.Get?" + tenant.keyQuery(), "{}");

    assertError(response, 404, "MXNotFoundException");
  }

  @Test
  void serviceAndOperationNames_matchIgnoringCase() {
    var response = server.get("/v2/authentication.SVC/userbyaccesskey.get?" + tenant.keyQuery());

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void everyAnswer_carriesARequestId() {
    var response = server.get("/v2/Authentication.svc/UserByAccessKey.Get?" + tenant.keyQuery());

    assertThat(response.headers().firstValue("X-Request-Id"))
        .hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{16}"));
  }

  @Test
  void aWriteCall_withAnEmptyBody_answersBadRequest() {
    assertBadRequestChangingNothing(post("", "application/json"));
  }

  @Test
  void aWriteCall_withTruncatedJson_answersBadRequest() {
    assertBadRequestChangingNothing(
        post("[{\"Attribute\":\"EmailAddress\",\"Value\":\"" + EMAIL + "\"", "application/json"));
  }

  @Test
  void aWriteCall_withAnArrayWhereAnObjectIsDue_answersBadRequest() {
    assertBadRequestChangingNothing(
        post("[[\"EmailAddress\",\"" + EMAIL + "\"]]", "application/json"));
  }

  @Test
  void aWriteCall_withAnObjectWhereAnArrayIsDue_answersBadRequest() {
    var response =
        post("{\"Attribute\":\"EmailAddress\",\"Value\":\"" + EMAIL + "\"}", "application/json");

    assertBadRequestChangingNothing(response);
    assertThat(json(response).get("ExceptionMessage").asText()).contains("JSON array");
  }

  @Test
  void aWriteCall_withAValueThatIsAnObject_answersBadRequest() {
    assertBadRequestChangingNothing(
        post(
            "[{\"Attribute\":\"EmailAddress\",\"Value\":{\"x\":\"" + EMAIL + "\"}}]",
            "application/json"));
  }

  @Test
  void aWriteCall_withTheWrongContentType_answersBadRequest() {
    var response =
        post("[{\"Attribute\":\"EmailAddress\",\"Value\":\"" + EMAIL + "\"}]", "text/plain");

    assertBadRequestChangingNothing(response);
    assertThat(json(response).get("ExceptionMessage").asText()).contains("application/json");
  }

  @Test
  void aWriteCall_withACharsetInItsContentType_isAccepted() {
    var response =
        post(
            "[{\"Attribute\":\"FirstName\",\"Value\":\"Charset\"}]",
            "application/json; charset=utf-8");

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void aWriteCall_withInvalidUtf8_answersBadRequest() {
    byte[] prefix =
        ("[{\"Attribute\":\"EmailAddress\",\"Value\":\""
                + EMAIL
                + "\"},"
                + "{\"Attribute\":\"FirstName\",\"Value\":\"")
            .getBytes();
    byte[] body = Arrays.copyOf(prefix, prefix.length + 5);
    body[prefix.length] = (byte) 0xC3;
    body[prefix.length + 1] = (byte) 0x28;
    body[prefix.length + 2] = '"';
    body[prefix.length + 3] = '}';
    body[prefix.length + 4] = ']';

    assertBadRequestChangingNothing(post(body, "application/json"));
  }

  @Test
  void aWriteCall_withA5MiBBody_answersPayloadTooLargeInTheEnvelope() {
    String filler = "x".repeat(5 * 1024 * 1024);
    String body =
        "[{\"Attribute\":\"EmailAddress\",\"Value\":\""
            + EMAIL
            + "\"},"
            + "{\"Attribute\":\"mx_Notes\",\"Value\":\""
            + filler
            + "\"}]";

    var response = post(body, "application/json");

    assertError(response, 413, "MXInvalidInputException");
    assertThat(json(response).get("ExceptionMessage").asText()).contains("1048576 bytes");
    assertNothingChanged();
  }

  @Test
  void aGetCall_ignoresWhateverBodyItCarries() {
    var response =
        server.send(
            server
                .request("/v2/Authentication.svc/UserByAccessKey.Get?" + tenant.keyQuery())
                .method("GET", HttpRequest.BodyPublishers.ofString("not json"))
                .build());

    assertThat(response.statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> post(String body, String contentType) {
    return post(body.getBytes(StandardCharsets.UTF_8), contentType);
  }

  private HttpResponse<String> post(byte[] body, String contentType) {
    return server.send(
        server
            .request(CREATE_LEAD + "?" + tenant.keyQuery())
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  private void assertBadRequestChangingNothing(HttpResponse<String> response) {
    assertError(response, 400, "MXInvalidInputException");
    assertNothingChanged();
  }

  private void assertNothingChanged() {
    var found =
        server.get(
            "/v2/LeadManagement.svc/Leads.GetByEmailaddress?emailaddress="
                + EMAIL
                + "&"
                + tenant.keyQuery());
    assertThat(found.statusCode()).isEqualTo(200);
    assertThat(found.body()).isEqualTo("[]");
  }

  static void assertError(HttpResponse<String> response, int status, String exceptionType) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    var body = json(response);
    assertThat(body.get("Status").asText()).isEqualTo("Error");
    assertThat(body.get("ExceptionType").asText()).isEqualTo(exceptionType);
    assertThat(body.get("ExceptionMessage").asText()).isNotBlank();
    assertThat(response.body()).doesNotContain("Exception:", "\tat ", "java.", "SELECT ", "/work/");
  }
}
