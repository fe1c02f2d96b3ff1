package dev.leadtrail.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadtrail.testing.ApiTestCase;
import dev.leadtrail.testing.Tenant;
import org.junit.jupiter.api.Test;

abstract class UserApiTest extends ApiTestCase {

  private static final String SERVICE = "/v2/UserManagement.svc/";

  @Test
  void usersGet_listsTheOrganisationsUsersWithTheirStatus() {
    Tenant tenant = server.newTenant("Staff");
    var leaver =
        server
            .leadtrail()
            .users()
            .create(
                tenant.orgId(), UserId.random(), "Bob", "Gone", "bob@example.com", Role.SALES_USER);
    server.leadtrail().users().deactivate(tenant.orgId(), leaver.id());

    var users = json(server.get(SERVICE + "Users.Get?" + tenant.keyQuery()));

    assertThat(users).hasSize(2);
    var ada = users.get(0);
    assertThat(ada.get("ID").asText()).isEqualTo(tenant.userId().value());
    assertThat(ada.get("FirstName").asText()).isEqualTo("Ada");
    assertThat(ada.get("Role").asText()).isEqualTo("Administrator");
    assertThat(ada.get("StatusCode").asInt()).isZero();
    assertThat(users.get(1).get("EmailAddress").asText()).isEqualTo("bob@example.com");
    assertThat(users.get(1).get("StatusCode").asInt()).isEqualTo(1);
  }

  @Test
  void retrieveByUserId_answersAnArrayOfOneUnderEachParameterName() {
    Tenant tenant = server.newTenant("Lookup");

    for (String parameter : new String[] {"userId", "UserId", "id"}) {
      var found =
          json(
              server.get(
                  SERVICE
                      + "User/Retrieve/ByUserId?"
                      + parameter
                      + "="
                      + tenant.userId()
                      + "&"
                      + tenant.keyQuery()));
      assertThat(found).as(parameter).hasSize(1);
      assertThat(found.get(0).get("ID").asText()).isEqualTo(tenant.userId().value());
    }
  }

  @Test
  void retrieveByUserId_answersAnEmptyArrayForUnknownInactiveOrForeignUsers() {
    Tenant tenant = server.newTenant("Empty");
    Tenant other = server.newTenant("Foreign");
    var leaver =
        server
            .leadtrail()
            .users()
            .create(tenant.orgId(), UserId.random(), "Eve", "", "eve@example.com", Role.SALES_USER);
    server.leadtrail().users().deactivate(tenant.orgId(), leaver.id());

    for (String id :
        new String[] {UserId.random().value(), leaver.id().value(), other.userId().value(), "x"}) {
      var response =
          server.get(SERVICE + "User/Retrieve/ByUserId?userId=" + id + "&" + tenant.keyQuery());
      assertThat(response.body()).as(id).isEqualTo("[]");
    }
  }

  @Test
  void usersGet_neverShowsAnotherOrganisationsUsers() {
    Tenant first = server.newTenant("Mine");
    Tenant second = server.newTenant("Theirs");

    var users = json(server.get(SERVICE + "Users.Get?" + first.keyQuery()));

    assertThat(users).hasSize(1);
    assertThat(users.get(0).get("ID").asText()).isNotEqualTo(second.userId().value());
  }

  @Test
  void retrieveByEmailAddress_findsAnActiveUserOfTheOrganisationIgnoringCase() {
    Tenant tenant = server.newTenant("ByEmail");
    Tenant other = server.newTenant("OtherByEmail");
    var leaver =
        server
            .leadtrail()
            .users()
            .create(
                tenant.orgId(), UserId.random(), "Eve", "", "eve@byemail.example", Role.SALES_USER);
    server.leadtrail().users().deactivate(tenant.orgId(), leaver.id());

    var found =
        json(
            server.get(
                SERVICE
                    + "User/Retrieve/ByEmailAddress?emailAddress="
                    + tenant.email().toUpperCase(java.util.Locale.ROOT)
                    + "&"
                    + tenant.keyQuery()));

    assertThat(found).hasSize(1);
    assertThat(found.get(0).get("ID").asText()).isEqualTo(tenant.userId().value());
    for (String email :
        new String[] {"eve@byemail.example", other.email(), "nobody@x.example", "not-an-email"}) {
      var response =
          server.get(
              SERVICE
                  + "User/Retrieve/ByEmailAddress?emailAddress="
                  + email
                  + "&"
                  + tenant.keyQuery());
      assertThat(response.body()).as(email).isEqualTo("[]");
    }
    var missing = server.get(SERVICE + "User/Retrieve/ByEmailAddress?" + tenant.keyQuery());
    assertThat(json(missing).get("ExceptionMessage").asText()).contains("emailAddress");
  }
}
