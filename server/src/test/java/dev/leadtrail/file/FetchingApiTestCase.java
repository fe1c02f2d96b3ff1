package dev.leadtrail.file;

import dev.leadtrail.config.LeadtrailConfig;
import dev.leadtrail.testing.ApiTestCase;
import dev.leadtrail.testing.FileOrigin;
import dev.leadtrail.testing.Tenant;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the suites whose server fetches files: a {@link FileOrigin} on loopback, which the server
 * may fetch from, with short timeouts and two tries of an asynchronous fetch, at once.
 */
abstract class FetchingApiTestCase extends ApiTestCase {

  static final String ACTIVITIES = "/v2/ProspectActivity.svc/";

  protected FileOrigin origin;

  @BeforeAll
  void startOrigin() {
    origin = FileOrigin.start();
  }

  @AfterAll
  void stopOrigin() {
    origin.close();
  }

  @Override
  protected LeadtrailConfig configure(LeadtrailConfig config) {
    var files = config.files();
    return withoutRateLimits(config)
        .withOutbound(
            new LeadtrailConfig.Outbound(
                List.of("127.0.0.1"), Duration.ofSeconds(2), Duration.ofSeconds(3)))
        .withFiles(
            new LeadtrailConfig.Files(
                files.store(),
                files.directory(),
                files.maxBytes(),
                files.temporaryFor(),
                2,
                Duration.ZERO));
  }

  /** POSTs JSON to a {@code ProspectActivity.svc} operation with the tenant's keys. */
  HttpResponse<String> post(Tenant tenant, String operation, String body) {
    String separator = operation.contains("?") ? "&" : "?";
    return server.postJson(ACTIVITIES + operation + separator + tenant.keyQuery(), body);
  }
}
