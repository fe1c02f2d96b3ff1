package dev.leadtrail.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadtrail.testing.CapturedLogs;
import dev.leadtrail.testing.RawHttp;
import dev.leadtrail.testing.Tenant;
import dev.leadtrail.testing.TestDatabase;
import dev.leadtrail.testing.TestServer;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests that break HTTP itself, sent as raw bytes: each is answered with a documented status in
 * the envelope, HEAD runs what it asks, a client's broken body is logged as the client's fault, and
 * no log line of any logger shows a secret however its name is spelled.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProtocolEdgesTest {

  private static final String SECRET = "Sentinel0Secret1Value";

  private TestDatabase database;
  private TestServer server;
  private Tenant tenant;

  @BeforeAll
  void start(@TempDir Path folder) {
    database = TestDatabase.sqlite(folder);
    server = TestServer.start(database);
    tenant = server.newTenant("Edges");
  }

  @AfterAll
  void stop() throws Exception {
    server.close();
    database.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "GET /v2/Authentication.svc/UserByAccessKey.Get?pad=%s HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /v2/Authentication.svc/UserByAccessKey.Get HTTP/1.1\r\nHost: x\r\nX-Pad: %s\r\n\r\n",
        "GET /v2/Authentication.svc/UserByAccessKey.Get HTTP/3.0\r\nHost: x\r\n\r\n",
        "POST /v2/LeadManagement.svc/Lead.Create HTTP/1.1\r\nHost: x\r\nExpect: 200-ok\r\nContent-Length: 2\r\n\r\n[]",
        "GET /v2/Authentication.svc/UserByAccessKey.Get HTTP/1.1\r\nHost: x\r\nUpgrade: h2c\r\nConnection: Upgrade, HTTP2-Settings\r\nHTTP2-Settings: !!\r\n\r\n",
        "POST /v2/LeadManagement.svc/Lead.Create HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nzz\r\n[]\r\n0\r\n\r\n",
        "GET /v2/x HTTP/1.1\r\nHost: a b\r\n\r\n",
      })
  void aRequestHttpRefuses_isAnsweredWithADocumentedStatusInTheEnvelope(String template)
      throws IOException {
    try (var logs = new CapturedLogs()) {
      String answer = exchange(template.replace("%s", "p".repeat(20_000)));

      assertThat(answer).matches("(?s)HTTP/1\\.1 (400|404|413|401) .*");
      assertThat(body(answer)).startsWith("{\"Status\":\"Error\",\"ExceptionType\":\"MX");
      assertThat(body(answer)).doesNotContain("internal error");
      assertThat(logs.lines()).noneMatch(line -> line.startsWith("ERROR"));
    }
  }

  @Test
  void headOnTheApi_isNotFoundWhateverTheKeys() throws IOException {
    for (String query : List.of(tenant.keyQuery(), "accessKey=x&secretKey=y", "")) {
      String answer =
          exchange(
              "HEAD /v2/Authentication.svc/UserByAccessKey.Get?"
                  + query
                  + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

      assertThat(answer).startsWith("HTTP/1.1 404");
    }
  }

  @Test
  void headOnTheReadinessCheck_runsIt() throws Exception {
    assertThat(exchange("HEAD /health/ready HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
        .startsWith("HTTP/1.1 200");
    database.execute("DROP TABLE flyway_schema_history");

    assertThat(exchange("HEAD /health/ready HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
        .startsWith("HTTP/1.1 503");
  }

  @Test
  void aClientThatStopsMidBody_isLoggedAsItsOwnFault() throws Exception {
    try (var logs = new CapturedLogs()) {
      try (var socket = new Socket("127.0.0.1", server.leadtrail().port())) {
        socket
            .getOutputStream()
            .write(
                ("POST /v2/LeadManagement.svc/Lead.Create?"
                        + tenant.keyQuery()
                        + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 100\r\n\r\n[{\"Attr")
                    .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
      }
      logs.awaitLine(
          line ->
              line.contains("POST /v2/LeadManagement.svc/Lead.Create") && line.contains(" 400 "));

      assertThat(logs.lines())
          .noneMatch(line -> line.startsWith("ERROR") || line.startsWith("WARN"));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "secretKey=%s",
        "%%73ecretKey=%s",
        "%%C5%%BFecretKey=%s",
        "SECRETKEY=%s",
        "secretKey[]=%s",
        "x=1;secretKey=%s",
        "accessKey=%s",
        "%%61ccess%%4bey=%s",
      })
  void noLogLineOfAnyLogger_showsASecret(String parameter) throws IOException {
    String query = parameter.formatted(SECRET);
    try (var logs = new CapturedLogs()) {
      exchange(
          "GET /v2/Authentication.svc/UserByAccessKey.Get?"
              + query
              + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
      exchange("CONNECT example.com:443?" + query + " HTTP/1.1\r\nHost: example.com:443\r\n\r\n");
      exchange("GET /nothing?" + query + " HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n\r\n");
      logs.awaitLine(line -> line.contains("UserByAccessKey.Get"));

      assertThat(logs.renderedLines()).isNotEmpty().noneMatch(line -> line.contains(SECRET));
    }
  }

  @Test
  void aKeyNamedWithALongS_doesNotAuthenticate() {
    var response =
        server.get(
            "/v2/Authentication.svc/UserByAccessKey.Get?accessKey="
                + tenant.keys().accessKey()
                + "&%C5%BFecretKey="
                + tenant.keys().secretKey());

    assertThat(response.statusCode()).isEqualTo(401);
  }

  private String exchange(String request) throws IOException {
    return RawHttp.exchange(server.leadtrail().port(), request);
  }

  private static String body(String answer) {
    return answer.substring(answer.indexOf("\r\n\r\n") + 4);
  }
}
