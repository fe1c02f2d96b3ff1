package dev.leadtrail.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.leadtrail.http.ApiCall;
import dev.leadtrail.http.ApiEndpoints;
import dev.leadtrail.http.ApiRoute;
import dev.leadtrail.user.Caller;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code Authentication.svc}: who the caller's keys belong to. */
public final class AuthEndpoints implements ApiEndpoints<Caller> {

  record CallerView(
      @JsonProperty("Id") String id,
      @JsonProperty("FirstName") String firstName,
      @JsonProperty("LastName") String lastName,
      @JsonProperty("Name") String name,
      @JsonProperty("EmailAddress") String emailAddress,
      @JsonProperty("Role") String role,
      @JsonProperty("StatusCode") int statusCode,
      @JsonProperty("TimeZone") String timeZone,
      @JsonProperty("OrgId") String orgId,
      @JsonProperty("OrgDisplayName") String orgDisplayName,
      @JsonProperty("OrgShortCode") String orgShortCode,
      @JsonProperty("LSQCommonServiceURLs") Map<String, String> lsqCommonServiceUrls,
      @JsonProperty("MobileServiceURLs") Map<String, String> mobileServiceUrls) {

    /**
     * {@code baseUrl} is where clients reach this server: LeadSquared's service hosts (which
     * clients read at setup and build {@code https://<api>/v2/} from) all name it.
     */
    static CallerView of(Caller caller, String baseUrl) {
      String host = URI.create(baseUrl).getRawAuthority();
      Map<String, String> services = new LinkedHashMap<>();
      for (String service : SERVICES) {
        services.put(service, host);
      }
      var user = caller.user();
      var organisation = caller.organisation();
      return new CallerView(
          user.id().value(),
          user.firstName(),
          user.lastName(),
          user.name(),
          user.email(),
          user.role().wireName(),
          0,
          organisation.timeZone(),
          organisation.id().value(),
          organisation.displayName(),
          organisation.shortCode(),
          services,
          Map.of("FileUploadURL", baseUrl + "/File/Upload"));
    }
  }

  /** The service hosts LeadSquared names in {@code LSQCommonServiceURLs}. */
  private static final List<String> SERVICES = List.of("api", "app", "auth", "files", "async");

  @Override
  public List<ApiRoute<Caller>> routes() {
    return List.of(ApiRoute.get("Authentication.svc/UserByAccessKey.Get", this::userByAccessKey));
  }

  void userByAccessKey(ApiCall<Caller> call) {
    call.respond(CallerView.of(call.caller(), call.baseUrl()));
  }
}
