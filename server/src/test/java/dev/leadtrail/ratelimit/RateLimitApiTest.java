package dev.leadtrail.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadtrail.testing.ApiTestCase;
import dev.leadtrail.testing.Tenant;
import dev.leadtrail.value.RateLimit;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Contract section 4: a budget per organisation, checked after authentication. */
abstract class RateLimitApiTest extends ApiTestCase {

  private static final String WHO_AM_I = "/v2/Authentication.svc/UserByAccessKey.Get";
  private static final String CREATE_LEAD = "/v2/LeadManagement.svc/Lead.Create";

  @Test
  void twentySixCallsInOneWindow_giveTwentyFiveAnswersAndOneRateLimitError() {
    Tenant tenant = server.newTenant("Busy");
    Tenant neighbour = server.newTenant("Neighbour");

    List<Integer> statuses = new ArrayList<>();
    HttpResponse<String> last = null;
    for (int i = 0; i < 26; i++) {
      last = server.get(WHO_AM_I + "?" + tenant.keyQuery());
      statuses.add(last.statusCode());
    }

    assertThat(statuses.subList(0, 25)).containsOnly(200);
    assertThat(last.statusCode()).isEqualTo(429);
    assertThat(last.body())
        .isEqualTo(
            """
            {"Status":"Error","ExceptionType":"MXAPIRateLimitExceededException",\
            "ExceptionMessage":"API calls exceeded the limit of 25 in 5 second(s)"}\
            """);
    assertThat(last.headers().firstValue("Retry-After"))
        .hasValueSatisfying(seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 5));
    assertThat(server.get(WHO_AM_I + "?" + neighbour.keyQuery()).statusCode())
        .as("another organisation keeps its own budget")
        .isEqualTo(200);
  }

  @Test
  void aRejectedCall_changesNothing() {
    Tenant tenant = server.newTenant("Rejected");
    spend(tenant, 25);

    var response =
        server.postJson(
            CREATE_LEAD + "?" + tenant.keyQuery(),
            "[{\"Attribute\":\"EmailAddress\",\"Value\":\"late@example.com\"}]");

    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(server.leadtrail().leads().findByEmail(tenant.orgId(), "late@example.com"))
        .isEmpty();
  }

  @Test
  void callsWithBadKeys_doNotSpendTheOrganisationsBudget() {
    Tenant tenant = server.newTenant("Guarded");
    for (int i = 0; i < 26; i++) {
      var refused =
          server.get(WHO_AM_I + "?accessKey=" + tenant.keys().accessKey() + "&secretKey=guess" + i);
      assertThat(refused.statusCode()).isEqualTo(401);
    }

    spend(tenant, 25);
  }

  @Test
  void anOrganisationsOwnLimit_replacesTheDefault() {
    Tenant tenant = server.newTenant("Small plan");
    server
        .leadtrail()
        .organisations()
        .setRateLimits(tenant.orgId(), RateLimit.of(3, 5), RateLimit.of(1, 5));

    spend(tenant, 3);
    var response = server.get(WHO_AM_I + "?" + tenant.keyQuery());

    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(json(response).get("ExceptionMessage").asText())
        .isEqualTo("API calls exceeded the limit of 3 in 5 second(s)");
  }

  @Test
  void bulkCalls_haveTheirOwnBudgetOfOneInFiveSeconds() {
    Tenant tenant = server.newTenant("Bulky");
    String bulk = "/v2/ProspectActivity.svc/Bulk/CustomActivity/Update?" + tenant.keyQuery();
    String item = "[{\"ProspectActivityId\":\"0b7e6c1e-0000-4000-8000-000000000000\"}]";

    var first = server.postJson(bulk, item);
    var second = server.postJson(bulk, item);

    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(second.statusCode()).isEqualTo(429);
    assertThat(json(second).get("ExceptionMessage").asText())
        .isEqualTo("API calls exceeded the limit of 1 in 5 second(s)");
    assertThat(server.get(WHO_AM_I + "?" + tenant.keyQuery()).statusCode())
        .as("the standard budget is untouched")
        .isEqualTo(200);
  }

  private void spend(Tenant tenant, int calls) {
    for (int i = 0; i < calls; i++) {
      assertThat(server.get(WHO_AM_I + "?" + tenant.keyQuery()).statusCode())
          .as("call %d of %d", i + 1, calls)
          .isEqualTo(200);
    }
  }
}
