package dev.leadtrail.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadtrail.testing.ApiTestCase;
import dev.leadtrail.testing.CapturedLogs;
import dev.leadtrail.testing.Tenant;
import org.junit.jupiter.api.Test;

/** What reaches the logs, and what an unexpected failure shows the caller. */
abstract class ObservabilityApiTest extends ApiTestCase {

  private static final String WHO_AM_I = "/v2/Authentication.svc/UserByAccessKey.Get";

  @Test
  void eachRequest_logsOneAccessLineWithoutTheKeys() {
    Tenant tenant = server.newTenant("Logged");
    try (var logs = new CapturedLogs()) {
      var byQuery = server.get(WHO_AM_I + "?" + tenant.keyQuery() + "&extra=1");
      var byHeader =
          server.send(
              server
                  .request(WHO_AM_I)
                  .header("x-LSQ-AccessKey", tenant.keys().accessKey())
                  .header("x-LSQ-SecretKey", tenant.keys().secretKey())
                  .build());
      var refused =
          server.get(WHO_AM_I + "?accessKey=" + tenant.keys().accessKey() + "&secretKey=bad");

      String requestId = byQuery.headers().firstValue("X-Request-Id").orElseThrow();
      String line = logs.awaitLine(l -> l.contains("request=" + requestId));
      logs.awaitLine(l -> l.contains(byHeader.headers().firstValue("X-Request-Id").orElseThrow()));
      logs.awaitLine(l -> l.contains(refused.headers().firstValue("X-Request-Id").orElseThrow()));

      assertThat(line)
          .contains("GET " + WHO_AM_I + "?accessKey=***&secretKey=***&extra=1 200 ")
          .contains("org=" + tenant.orgId());
      assertThat(String.join("\n", logs.lines()))
          .doesNotContain(tenant.keys().secretKey())
          .doesNotContain(tenant.keys().accessKey());
    }
  }

  @Test
  void anUnexpectedFailure_answersAGeneric500WithARequestIdAndLogsNoSql() throws Exception {
    Tenant tenant = server.newTenant("Broken");
    database.execute("ALTER TABLE leads RENAME TO leads_gone");
    try (var logs = new CapturedLogs()) {
      var response =
          server.postJson(
              "/v2/LeadManagement.svc/Lead.Create?" + tenant.keyQuery(),
              "[{\"Attribute\":\"FirstName\",\"Value\":\"Nobody\"}]");

      String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
      assertThat(response.statusCode()).isEqualTo(500);
      var body = json(response);
      assertThat(body.get("ExceptionType").asText()).isEqualTo("MXInternalServerErrorException");
      assertThat(body.get("ExceptionMessage").asText()).endsWith("Request id: " + requestId);
      assertThat(response.body()).doesNotContainIgnoringCase("leads").doesNotContain("INSERT");
      String logged = logs.awaitLine(l -> l.startsWith("ERROR") && l.contains(requestId));
      assertThat(logged).contains("LeadRepository").doesNotContain("INSERT", "Nobody");
    }
  }
}
