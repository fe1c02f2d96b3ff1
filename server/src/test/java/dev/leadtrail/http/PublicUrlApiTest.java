package dev.leadtrail.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadtrail.config.LeadtrailConfig;
import dev.leadtrail.testing.ApiTestCase;
import dev.leadtrail.testing.MultipartBody;
import dev.leadtrail.testing.Tenant;
import dev.leadtrail.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/** With {@code server.public-url} set (behind a proxy), every URL an answer carries names it. */
class PublicUrlApiTest extends ApiTestCase {

  @Override
  protected TestDatabase.Store store() {
    return TestDatabase.Store.SQLITE;
  }

  @Override
  protected LeadtrailConfig configure(LeadtrailConfig config) {
    var server = config.server();
    return config.withServer(
        new LeadtrailConfig.Server(
            server.bind(),
            server.port(),
            server.maxBodyBytes(),
            server.shutdownTimeout(),
            server.clients(),
            "https://crm.example.com:8443",
            server.tls()));
  }

  @Test
  void servicesAndFileUrlsNameThePublicUrl() {
    Tenant tenant = server.newTenant("Proxied");

    var who = json(server.get("/v2/Authentication.svc/UserByAccessKey.Get?" + tenant.keyQuery()));
    var form = new MultipartBody().file("uploadFiles", "a.txt", "text/plain", new byte[] {1});
    var upload =
        json(
            server.send(
                server
                    .request("/File/Upload?" + tenant.keyQuery())
                    .header("Content-Type", form.contentType())
                    .POST(form.publisher())
                    .build()));

    assertThat(who.get("LSQCommonServiceURLs").get("api").asText())
        .isEqualTo("crm.example.com:8443");
    assertThat(who.get("MobileServiceURLs").get("FileUploadURL").asText())
        .isEqualTo("https://crm.example.com:8443/File/Upload");
    assertThat(upload.get("s3FilePath").asText())
        .isEqualTo(
            "https://crm.example.com:8443/File/Download?name="
                + upload.get("uploadedFile").asText());
  }
}
