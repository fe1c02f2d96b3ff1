package dev.leadtrail.activity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadtrail.config.LeadtrailConfig;
import dev.leadtrail.testing.ApiTestCase;
import dev.leadtrail.testing.Tenant;
import org.junit.jupiter.api.Test;

/**
 * An update whose activity keeps changing between its read and its write: after three optimistic
 * tries it is worked out again under the activity's row lock, and succeeds. A trigger stands in for
 * the concurrent writers, skipping the first three writes of the activity as if its version had
 * moved on.
 */
abstract class LockedFallbackApiTest extends ApiTestCase {

  private static final String ACTIVITIES = "/v2/ProspectActivity.svc/";
  private static final String RETRIES = "leadtrail_activity_update_retries_total";

  @Override
  protected LeadtrailConfig configure(LeadtrailConfig config) {
    return config.withManagement(new LeadtrailConfig.Management("127.0.0.1", 0));
  }

  /** Makes the next {@code count} updates of activities change nothing, as a lost race does. */
  private void skipNextWrites(int count) throws Exception {
    database.execute("CREATE TABLE IF NOT EXISTS skipped_writes (n INTEGER NOT NULL)");
    database.execute("DELETE FROM skipped_writes");
    database.execute("INSERT INTO skipped_writes VALUES (" + count + ")");
    createSkippingTrigger();
  }

  /**
   * A trigger that, while {@code skipped_writes.n} is above 0, counts it down and skips the update
   * of the activity row.
   */
  protected abstract void createSkippingTrigger() throws Exception;

  @Test
  void anUpdateThatLosesThreeRaces_isAppliedUnderTheLockAndCountsItsRetries() throws Exception {
    Tenant tenant = server.newTenant("Contended");
    server.postJson(
        ACTIVITIES + "CreateType?" + tenant.keyQuery(), "{\"ActivityEventName\":\"Race\"}");
    String lead = server.newLead(tenant, "Racer");
    String activity = server.newActivity(tenant, lead);
    double retriesBefore = server.counter(RETRIES);
    skipNextWrites(3);

    var response =
        server.postJson(
            ACTIVITIES + "CustomActivity/Update?" + tenant.keyQuery(),
            "{\"ProspectActivityId\":\"" + activity + "\",\"ActivityNote\":\"won at last\"}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(server.counter(RETRIES) - retriesBefore).isEqualTo(3);
    var details =
        json(
            server.get(
                ACTIVITIES
                    + "GetActivityDetails?activityId="
                    + activity
                    + "&"
                    + tenant.keyQuery()));
    assertThat(details.get("Fields").get(0).get("Value").asText()).isEqualTo("won at last");
  }
}
