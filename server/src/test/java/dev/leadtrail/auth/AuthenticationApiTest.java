package dev.leadtrail.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadtrail.testing.ApiTestCase;
import dev.leadtrail.testing.Tenant;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

abstract class AuthenticationApiTest extends ApiTestCase {

  private static final String WHO_AM_I = "/v2/Authentication.svc/UserByAccessKey.Get";
  private static final String INVALID_ACCESS =
      """
      {"Status":"Error","ExceptionType":"MXInvalidAccessDetailsException",\
      "ExceptionMessage":"Invalid Access Details provided."}\
      """;

  @Test
  void userByAccessKey_namesThisServerAsEveryServiceHost() {
    Tenant tenant = server.newTenant("Hosts");
    String host = server.baseUrl().substring("http://".length());

    var body = json(server.get(WHO_AM_I + "?" + tenant.keyQuery()));

    var services = body.get("LSQCommonServiceURLs");
    assertThat(services.get("api").asText()).isEqualTo(host);
    assertThat(services.get("app").asText()).isEqualTo(host);
    assertThat(body.get("MobileServiceURLs").get("FileUploadURL").asText())
        .isEqualTo(server.baseUrl() + "/File/Upload");
  }

  @Test
  void userByAccessKey_withKeysInTheQuery_answersTheCallerAndOrganisation() {
    Tenant tenant = server.newTenant("Query");

    var response = server.get(WHO_AM_I + "?" + tenant.keyQuery());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    var body = json(response);
    assertThat(body.get("Id").asText()).isEqualTo(tenant.userId().value());
    assertThat(body.get("Name").asText()).isEqualTo("Ada Query");
    assertThat(body.get("EmailAddress").asText()).isEqualTo(tenant.email());
    assertThat(body.get("Role").asText()).isEqualTo("Administrator");
    assertThat(body.get("TimeZone").asText()).isEqualTo("UTC");
    assertThat(body.get("OrgId").asText()).isEqualTo(tenant.orgId().value());
    assertThat(body.get("OrgDisplayName").asText()).isEqualTo("Query");
    assertThat(body.get("OrgShortCode").asText()).matches("\\d+");
    assertThat(body.has("Status")).as("read calls carry no Status").isFalse();
  }

  @Test
  void userByAccessKey_withKeysInHeaders_answersTheCaller() {
    Tenant tenant = server.newTenant("Headers");

    var response =
        server.send(
            server
                .request(WHO_AM_I)
                .header("x-LSQ-AccessKey", tenant.keys().accessKey())
                .header("x-LSQ-SecretKey", tenant.keys().secretKey())
                .build());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).get("Id").asText()).isEqualTo(tenant.userId().value());
  }

  @Test
  void userByAccessKey_withQueryNamesInAnyCase_answersTheCaller() {
    Tenant tenant = server.newTenant("Case");
    String query =
        "?ACCESSKEY=" + tenant.keys().accessKey() + "&SecretKEY=" + tenant.keys().secretKey();

    var response = server.get(WHO_AM_I + query);

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void userByAccessKey_withKeysSplitBetweenQueryAndHeader_takesEachFromWhereItIs() {
    Tenant tenant = server.newTenant("Split");

    var response =
        server.send(
            server
                .request(WHO_AM_I + "?accessKey=" + tenant.keys().accessKey())
                .header("x-LSQ-SecretKey", tenant.keys().secretKey())
                .build());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).get("Id").asText()).isEqualTo(tenant.userId().value());
  }

  @Test
  void userByAccessKey_withAWrongSecretInTheQuery_isRefusedEvenWhenTheHeaderIsRight() {
    Tenant tenant = server.newTenant("Precedence");

    var response =
        server.send(
            server
                .request(WHO_AM_I + "?accessKey=" + tenant.keys().accessKey() + "&secretKey=wrong")
                .header("x-LSQ-SecretKey", tenant.keys().secretKey())
                .build());

    assertUnauthorized(response);
  }

  @Test
  void userByAccessKey_withoutKeys_answersInvalidAccessDetails() {
    assertUnauthorized(server.get(WHO_AM_I));
  }

  @Test
  void userByAccessKey_withOnlyTheAccessKey_answersInvalidAccessDetails() {
    Tenant tenant = server.newTenant("Half");

    assertUnauthorized(server.get(WHO_AM_I + "?accessKey=" + tenant.keys().accessKey()));
  }

  @Test
  void userByAccessKey_withAWrongSecret_answersInvalidAccessDetails() {
    Tenant tenant = server.newTenant("Wrong");

    assertUnauthorized(
        server.get(WHO_AM_I + "?accessKey=" + tenant.keys().accessKey() + "&secretKey=nope"));
  }

  @Test
  void userByAccessKey_withAnUnknownAccessKey_answersInvalidAccessDetails() {
    assertUnauthorized(server.get(WHO_AM_I + "?accessKey=lt_unknown&secretKey=whatever"));
  }

  @Test
  void userByAccessKey_withTheAccessKeyOfOneOrganisationAndTheSecretOfAnother_isRefused() {
    Tenant first = server.newTenant("First");
    Tenant second = server.newTenant("Second");

    var response =
        server.get(
            WHO_AM_I
                + "?accessKey="
                + first.keys().accessKey()
                + "&secretKey="
                + second.keys().secretKey());

    assertUnauthorized(response);
  }

  @Test
  void eachOrganisationsKeys_answerOnlyThatOrganisation() {
    Tenant first = server.newTenant("Alpha");
    Tenant second = server.newTenant("Beta");

    var firstBody = json(server.get(WHO_AM_I + "?" + first.keyQuery()));
    var secondBody = json(server.get(WHO_AM_I + "?" + second.keyQuery()));

    assertThat(firstBody.get("OrgId").asText()).isEqualTo(first.orgId().value());
    assertThat(secondBody.get("OrgId").asText()).isEqualTo(second.orgId().value());
    assertThat(secondBody.get("Id").asText()).isEqualTo(second.userId().value());
  }

  @Test
  void aDeactivatedUsersKeys_stopWorkingAtOnce() {
    Tenant tenant = server.newTenant("Leaving");
    assertThat(server.get(WHO_AM_I + "?" + tenant.keyQuery()).statusCode()).isEqualTo(200);

    server.leadtrail().users().deactivate(tenant.orgId(), tenant.userId());

    assertUnauthorized(server.get(WHO_AM_I + "?" + tenant.keyQuery()));
  }

  @Test
  void aRevokedKey_stopsWorkingAtOnceWhileTheUsersOtherKeysStillWork() {
    Tenant tenant = server.newTenant("Revoking");
    IssuedKey second = server.leadtrail().apiKeys().issue(tenant.orgId(), tenant.userId());
    assertThat(server.get(WHO_AM_I + "?" + tenant.keyQuery()).statusCode()).isEqualTo(200);

    assertThat(server.leadtrail().apiKeys().revoke(tenant.orgId(), tenant.keys().accessKey()))
        .isTrue();

    assertUnauthorized(server.get(WHO_AM_I + "?" + tenant.keyQuery()));
    var other =
        server.get(
            WHO_AM_I + "?accessKey=" + second.accessKey() + "&secretKey=" + second.secretKey());
    assertThat(other.statusCode()).isEqualTo(200);
  }

  @Test
  void revokingAKey_throughAnotherOrganisation_changesNothing() {
    Tenant owner = server.newTenant("Owner");
    Tenant intruder = server.newTenant("Intruder");

    boolean revoked =
        server.leadtrail().apiKeys().revoke(intruder.orgId(), owner.keys().accessKey());

    assertThat(revoked).isFalse();
    assertThat(server.get(WHO_AM_I + "?" + owner.keyQuery()).statusCode()).isEqualTo(200);
  }

  private static void assertUnauthorized(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).isEqualTo(INVALID_ACCESS);
  }
}
