package dev.leadtrail.activity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadtrail.config.LeadtrailConfig;
import dev.leadtrail.testing.ApiTestCase;
import dev.leadtrail.testing.Tenant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Many clients update one activity at once. Every acknowledged update must show in the final state
 * and in the change history, and the history of a field written by all must be one unbroken chain:
 * no update may be lost.
 */
abstract class ConcurrentUpdateApiTest extends ApiTestCase {

  private static final String ACTIVITIES = "/v2/ProspectActivity.svc/";
  private static final int WRITERS = 8;
  private static final int UPDATES_EACH = 25;
  private static final String SHARED = "mx_Custom_9";

  @Override
  protected LeadtrailConfig configure(LeadtrailConfig config) {
    return withoutRateLimits(config);
  }

  @Test
  void concurrentUpdatesOfOneActivity_allTakeEffectAndAllAreRecorded() throws Exception {
    Tenant tenant = server.newTenant("Race");
    StringBuilder fields = new StringBuilder();
    for (int k = 1; k <= WRITERS + 1; k++) {
      fields
          .append(k == 1 ? "" : ",")
          .append("{\"SchemaName\":\"mx_Custom_")
          .append(k)
          .append("\",\"DataType\":\"String\"}");
    }
    server.postJson(
        ACTIVITIES + "CreateType?" + tenant.keyQuery(),
        "{\"ActivityEventName\":\"Race\",\"Fields\":[" + fields + "]}");
    String lead = server.newLead(tenant, "Racer");
    String id = server.newActivity(tenant, lead);

    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    List<Future<Integer>> acknowledged = new ArrayList<>();
    for (int k = 1; k <= WRITERS; k++) {
      int writer = k;
      Callable<Integer> updates =
          () -> {
            int ok = 0;
            for (int i = 0; i < UPDATES_EACH; i++) {
              String value = writer + "-" + i;
              var response =
                  server.postJson(
                      ACTIVITIES + "CustomActivity/Update?" + tenant.keyQuery(),
                      """
                      {"ProspectActivityId":"%s","Fields":[{"SchemaName":"mx_Custom_%d","Value":"%s"},
                       {"SchemaName":"%s","Value":"%s"}]}\
                      """
                          .formatted(id, writer, value, SHARED, value));
              assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
              ok++;
            }
            return ok;
          };
      acknowledged.add(pool.submit(updates));
    }
    int total = 0;
    for (Future<Integer> writer : acknowledged) {
      total += writer.get();
    }
    pool.shutdown();

    JsonNode details =
        json(
            server.get(
                ACTIVITIES + "GetActivityDetails?activityId=" + id + "&" + tenant.keyQuery()));
    Map<String, String> values = new HashMap<>();
    details
        .get("Fields")
        .forEach(f -> values.put(f.get("SchemaName").asText(), f.get("Value").asText()));
    for (int k = 1; k <= WRITERS; k++) {
      assertThat(values.get("mx_Custom_" + k)).isEqualTo(k + "-" + (UPDATES_EACH - 1));
    }

    JsonNode history =
        json(
            server.postJson(
                ACTIVITIES + "RetrieveActivityChange?" + tenant.keyQuery(),
                "{\"Parameter\":{\"FromDate\":\"2000-01-01 00:00:00\",\"ToDate\":\"2100-01-01"
                    + " 00:00:00\",\"ActivityID\":\""
                    + id
                    + "\"}}"));
    List<JsonNode> changes = new ArrayList<>();
    history.get("Activities").get(0).get("Changes").forEach(changes::add);
    List<JsonNode> shared =
        changes.stream().filter(c -> c.get("Field").asText().equals(SHARED)).toList();
    assertThat(total).isEqualTo(WRITERS * UPDATES_EACH);
    assertThat(changes).hasSize(2 * total);
    assertThat(shared).hasSize(total);
    for (int n = 1; n < shared.size(); n++) {
      assertThat(shared.get(n).get("OldValue").asText())
          .as("change %d starts where change %d ended", n, n - 1)
          .isEqualTo(shared.get(n - 1).get("NewValue").asText());
    }
    assertThat(shared.getFirst().get("OldValue").asText()).isEmpty();
    assertThat(values.get(SHARED)).isEqualTo(shared.getLast().get("NewValue").asText());
    for (int k = 1; k <= WRITERS; k++) {
      String field = "mx_Custom_" + k;
      assertThat(changes.stream().filter(c -> c.get("Field").asText().equals(field)).count())
          .isEqualTo(UPDATES_EACH);
    }
  }
}
