package dev.leadtrail.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadtrail.config.LeadtrailConfig;
import dev.leadtrail.testing.ApiTestCase;
import dev.leadtrail.testing.Tenant;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Calls that look something up and create it when it is missing, sent sixteen at once: each must
 * succeed as if sent one after the other, on both stores.
 */
abstract class ConcurrentCreationApiTest extends ApiTestCase {

  private static final int CALLS = 16;

  private final ExecutorService callers = Executors.newFixedThreadPool(CALLS);

  @Override
  protected LeadtrailConfig configure(LeadtrailConfig config) {
    return withoutRateLimits(config);
  }

  @AfterAll
  void stopCallers() {
    callers.shutdownNow();
  }

  @Test
  void sixteenTypesCreatedAtOnce_allSucceedUnderDistinctEventCodes() throws Exception {
    Tenant tenant = server.newTenant("Types");

    List<HttpResponse<String>> answers =
        atOnce(
            i ->
                server.postJson(
                    "/v2/ProspectActivity.svc/CreateType?" + tenant.keyQuery(),
                    "{\"ActivityEventName\":\"Type " + i + "\"}"));

    assertThat(succeeded(answers, "Id")).hasSize(CALLS);
  }

  @Test
  void sixteenCreateOrUpdatesOfOneNewEmail_allSucceedOnOneLead() throws Exception {
    Tenant tenant = server.newTenant("Leads");

    List<HttpResponse<String>> answers =
        atOnce(
            i ->
                server.postJson(
                    "/v2/LeadManagement.svc/Lead.CreateOrUpdate?" + tenant.keyQuery(),
                    "[{\"Attribute\":\"EmailAddress\",\"Value\":\"Same@Example.com\"},"
                        + "{\"Attribute\":\"FirstName\",\"Value\":\"Try "
                        + i
                        + "\"}]"));

    assertThat(succeeded(answers, "Id")).hasSize(1);
  }

  @Test
  void sixteenActivitiesPostedAtOnceOnOneNewEmail_allLandOnOneLead() throws Exception {
    Tenant tenant = server.newTenant("Posts");
    server.postJson(
        "/v2/ProspectActivity.svc/CreateType?" + tenant.keyQuery(),
        "{\"ActivityEventName\":\"Call\"}");

    List<HttpResponse<String>> answers =
        atOnce(
            i ->
                server.postJson(
                    "/v2/ProspectActivity.svc/Create?" + tenant.keyQuery(),
                    "{\"EmailAddress\":\"new@example.com\",\"ActivityEvent\":200}"));

    assertThat(succeeded(answers, "RelatedId")).hasSize(1);
  }

  @Test
  void sixteenOrganisationsCreatedAtOnce_allSucceedUnderDistinctShortCodes() throws Exception {
    List<Tenant> tenants = atOnce(i -> server.newTenant("Org " + i));

    Set<String> codes = new HashSet<>();
    for (Tenant tenant : tenants) {
      codes.add(server.leadtrail().organisations().find(tenant.orgId()).orElseThrow().shortCode());
    }
    assertThat(codes).hasSize(CALLS);
  }

  /** The distinct values of {@code Message.<field>} of the answers, each of which succeeded. */
  private static Set<String> succeeded(List<HttpResponse<String>> answers, String field) {
    Set<String> values = new HashSet<>();
    for (var answer : answers) {
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      values.add(json(answer).get("Message").get(field).asText());
    }
    return values;
  }

  private <T> List<T> atOnce(IntFunction<T> call) throws Exception {
    var start = new CountDownLatch(1);
    List<Future<T>> pending = new ArrayList<>();
    for (int i = 0; i < CALLS; i++) {
      int n = i;
      pending.add(
          callers.submit(
              () -> {
                start.await();
                return call.apply(n);
              }));
    }
    start.countDown();
    List<T> results = new ArrayList<>();
    for (var result : pending) {
      results.add(result.get());
    }
    return results;
  }
}
