package dev.leadtrail.file;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadtrail.testing.Eventually;
import dev.leadtrail.testing.Tenant;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code DeleteActivities}: a lead's activities of listed types, and the status callback. */
abstract class DeleteActivitiesApiTest extends FetchingApiTestCase {

  record Lead(Tenant tenant, String id) {}

  private Lead lead(Tenant tenant, String name) {
    return new Lead(tenant, server.newLead(tenant, name));
  }

  private void postOn(Lead lead, int eventCode, String when) {
    var created =
        post(
            lead.tenant(),
            "Create",
            "{\"RelatedProspectId\":\""
                + lead.id()
                + "\",\"ActivityEvent\":"
                + eventCode
                + ",\"ActivityDateTime\":\""
                + when
                + "\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
  }

  private int count(Lead lead) {
    return json(post(lead.tenant(), "Retrieve?leadId=" + lead.id(), "")).get("RecordCount").asInt();
  }

  private HttpResponse<String> delete(Lead lead, String extra) {
    return post(
        lead.tenant(),
        "DeleteActivities",
        "{\"ProspectId\":\"" + lead.id() + "\",\"ActivityEventList\":[\"200\"]" + extra + "}");
  }

  @Test
  void deletesTheLeadsActivitiesOfTheTypesInTheWindow_andTellsTheStatusUrl() {
    Tenant tenant = server.newTenant("Delete");
    post(tenant, "CreateType", "{\"ActivityEventName\":\"Call\"}");
    post(tenant, "CreateType", "{\"ActivityEventName\":\"Visit\"}");
    Lead doomed = lead(tenant, "Doomed");
    Lead kept = lead(tenant, "Kept");
    postOn(doomed, 200, "2024-01-01 10:00:00");
    postOn(doomed, 200, "2024-03-01 10:00:00");
    postOn(doomed, 201, "2024-01-01 10:00:00");
    postOn(kept, 200, "2024-01-01 10:00:00");
    post(
        tenant,
        "CustomActivity/Update",
        "{\"ProspectActivityId\":\""
            + json(post(tenant, "Retrieve?leadId=" + doomed.id(), ""))
                .get("ProspectActivities")
                .get(2)
                .get("Id")
                .asText()
            + "\",\"ActivityNote\":\"changed\"}");

    var response =
        delete(
            doomed,
            ",\"FromDate\":\"2024-01-01 00:00:00\",\"ToDate\":\"2024-02-01 00:00:00\","
                + "\"StatusWebhookURL\":\""
                + origin.url("/files/status")
                + "\"");

    assertThat(response.body())
        .isEqualTo(
            "{\"Status\":\"Success\",\"Message\":{\"Message\":"
                + "\"Your request for delete activities has been queued.\"}}");
    assertThat(count(doomed)).isEqualTo(2);
    assertThat(count(kept)).isEqualTo(1);
    Eventually.await(
        "the status callback", Duration.ofSeconds(10), () -> origin.requests("/files/status") == 1);
    assertThat(delete(doomed, "").statusCode()).isEqualTo(200);
    assertThat(count(doomed)).isEqualTo(1);
  }

  @Test
  void refusesARefusedStatusUrl_anotherOrganisationsLead_andUnknownTypes() {
    Tenant tenant = server.newTenant("DeleteBad");
    Tenant other = server.newTenant("DeleteOther");
    post(tenant, "CreateType", "{\"ActivityEventName\":\"Call\"}");
    post(other, "CreateType", "{\"ActivityEventName\":\"Call\"}");
    Lead mine = lead(tenant, "Mine");
    Lead theirs = lead(other, "Theirs");
    postOn(mine, 200, "2024-01-01 10:00:00");
    postOn(theirs, 200, "2024-01-01 10:00:00");

    JsonNode refusedUrl =
        json(delete(mine, ",\"StatusWebhookURL\":\"http://169.254.169.254/latest/\""));
    JsonNode foreign =
        json(
            post(
                tenant,
                "DeleteActivities",
                "{\"ProspectId\":\"" + theirs.id() + "\",\"ActivityEventList\":[200]}"));
    JsonNode unknownType =
        json(
            post(
                tenant,
                "DeleteActivities",
                "{\"ProspectId\":\"" + mine.id() + "\",\"ActivityEventList\":[999]}"));
    JsonNode noList =
        json(post(tenant, "DeleteActivities", "{\"ProspectId\":\"" + mine.id() + "\"}"));

    assertThat(refusedUrl.get("ExceptionMessage").asText()).contains("StatusWebhookURL");
    assertThat(foreign.get("ExceptionType").asText()).isEqualTo("MXInvalidEntityException");
    assertThat(unknownType.get("ExceptionType").asText()).isEqualTo("MXInvalidActivityException");
    assertThat(noList.get("ExceptionMessage").asText()).contains("ActivityEventList");
    assertThat(count(mine)).isEqualTo(1);
    assertThat(count(theirs)).isEqualTo(1);
  }

  @Test
  void deletingATypeInUse_deactivatesIt_andOneUnused_isDeleted() {
    Tenant tenant = server.newTenant("DeleteType");
    post(tenant, "CreateType", "{\"ActivityEventName\":\"Used\"}");
    post(tenant, "CreateType", "{\"ActivityEventName\":\"Unused\"}");
    Lead lead = lead(tenant, "Typed");
    postOn(lead, 200, "2024-01-01 10:00:00");

    var unused = server.get(ACTIVITIES + "CustomActivityType/Delete?code=201&" + tenant.keyQuery());
    var used = post(tenant, "CustomActivityType/Delete?code=200", "");
    var unknown =
        server.get(ACTIVITIES + "CustomActivityType/Delete?code=201&" + tenant.keyQuery());

    assertThat(json(unused).get("Message").get("Message").asText())
        .isEqualTo("The Activity is deleted.");
    assertThat(json(used).get("Message").get("Message").asText())
        .isEqualTo("The Activity seems to be in use. Hence the activity is deactivated.");
    assertThat(json(unknown).get("ExceptionType").asText()).isEqualTo("MXInvalidActivityException");
    JsonNode types = json(server.get(ACTIVITIES + "ActivityTypes.Get?" + tenant.keyQuery()));
    assertThat(types).hasSize(1);
    assertThat(types.get(0).get("IsActive").asBoolean()).isFalse();
    var onInactive =
        post(
            tenant,
            "Create",
            "{\"RelatedProspectId\":\"" + lead.id() + "\",\"ActivityEvent\":200}");
    assertThat(json(onInactive).get("ExceptionType").asText())
        .isEqualTo("MXInvalidActivityException");
    assertThat(count(lead)).isEqualTo(1);
  }
}
