package dev.leadtrail.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadtrail.Leadtrail;
import dev.leadtrail.config.ConfigLoader;
import dev.leadtrail.config.LeadtrailConfig;
import dev.leadtrail.org.OrgId;
import dev.leadtrail.user.Role;
import dev.leadtrail.user.UserId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * The real server on a free loopback port, over a {@link TestDatabase}, with a plain HTTP client
 * that sends and reads JSON text as any client would.
 */
public final class TestServer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Leadtrail leadtrail;
  private final String baseUrl;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private TestServer(Leadtrail leadtrail) {
    this.leadtrail = leadtrail;
    this.baseUrl = "http://127.0.0.1:" + leadtrail.port();
  }

  public static TestServer start(TestDatabase database) {
    return start(database, UnaryOperator.identity());
  }

  public static TestServer start(TestDatabase database, UnaryOperator<LeadtrailConfig> adjust) {
    LeadtrailConfig defaults = ConfigLoader.defaultConfig();
    LeadtrailConfig config =
        defaults
            .withServer(
                new LeadtrailConfig.Server(
                    "127.0.0.1",
                    0,
                    defaults.server().maxBodyBytes(),
                    Duration.ofSeconds(5),
                    defaults.server().clients(),
                    defaults.server().publicUrl(),
                    defaults.server().tls()))
            .withDatabase(database.config())
            .withManagement(new LeadtrailConfig.Management("127.0.0.1", -1));
    return new TestServer(Leadtrail.start(adjust.apply(config)));
  }

  public Leadtrail leadtrail() {
    return leadtrail;
  }

  public String baseUrl() {
    return baseUrl;
  }

  /** A new organisation with an administrator holding a fresh key pair. */
  public Tenant newTenant(String name) {
    var organisation = leadtrail.organisations().create(OrgId.random(), name, "UTC");
    String email = "admin@" + organisation.shortCode() + ".example.com";
    var user =
        leadtrail
            .users()
            .create(organisation.id(), UserId.random(), "Ada", name, email, Role.ADMINISTRATOR);
    var keys = leadtrail.apiKeys().issue(organisation.id(), user.id());
    return new Tenant(organisation.id(), user.id(), email, keys);
  }

  /** A new lead of the tenant's, made through the API; its id. */
  public String newLead(Tenant tenant, String firstName) {
    return createdId(
        postJson(
            "/v2/LeadManagement.svc/Lead.Create?" + tenant.keyQuery(),
            "[{\"Attribute\":\"FirstName\",\"Value\":\"" + firstName + "\"}]"));
  }

  /** A new activity of type 200 on the lead, posted through the API; its id. */
  public String newActivity(Tenant tenant, String leadId) {
    return createdId(
        postJson(
            "/v2/ProspectActivity.svc/Create?" + tenant.keyQuery(),
            "{\"RelatedProspectId\":\"" + leadId + "\",\"ActivityEvent\":200}"));
  }

  /** Uploads a file for the tenant through the API; its stored name. */
  public String uploadFile(Tenant tenant, String fileName, byte[] content) {
    var form =
        new MultipartBody().file("uploadFiles", fileName, "application/octet-stream", content);
    var response =
        send(
            request("/File/Upload?" + tenant.keyQuery())
                .header("Content-Type", form.contentType())
                .POST(form.publisher())
                .build());
    try {
      var name = JSON.readTree(response.body()).get("uploadedFile");
      if (name == null) {
        throw new IllegalStateException("not uploaded: " + response.body());
      }
      return name.asText();
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + response.body(), e);
    }
  }

  private static String createdId(HttpResponse<String> created) {
    try {
      return JSON.readTree(created.body()).get("Message").get("Id").asText();
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + created.body(), e);
    }
  }

  /** The value of a counter on the management port's {@code /metrics}, 0 when it is not there. */
  public double counter(String prometheusName) {
    var scraped =
        send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + leadtrail.managementPort() + "/metrics"))
                .build());
    for (String line : scraped.body().split("\n")) {
      if (line.startsWith(prometheusName + " ") || line.startsWith(prometheusName + "{")) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return 0;
  }

  public HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
        .timeout(Duration.ofSeconds(30));
  }

  public HttpResponse<String> get(String pathAndQuery) {
    return send(request(pathAndQuery).GET().build());
  }

  public HttpResponse<String> postJson(String pathAndQuery, String json) {
    return send(
        request(pathAndQuery)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
            .build());
  }

  public HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public void close() {
    leadtrail.close();
  }
}
