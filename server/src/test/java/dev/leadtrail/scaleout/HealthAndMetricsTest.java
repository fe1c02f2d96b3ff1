package dev.leadtrail.scaleout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadtrail.config.LeadtrailConfig;
import dev.leadtrail.testing.Eventually;
import dev.leadtrail.testing.TcpProxy;
import dev.leadtrail.testing.Tenant;
import dev.leadtrail.testing.TestDatabase;
import dev.leadtrail.testing.TestServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Health checks follow the database; metrics move, on their own port only. */
class HealthAndMetricsTest {

  private static final Pattern WHO_AM_I_COUNT =
      Pattern.compile(
          "leadtrail_requests_seconds_count\\{[^}]*operation=\"Authentication.svc/UserByAccessKey.Get\"[^}]*status=\"200\"[^}]*}"
              + " (\\d+)");

  private TestDatabase database;
  private TcpProxy proxy;
  private TestServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    database = TestDatabase.postgres();
    proxy = new TcpProxy("127.0.0.1", 5432);
    server =
        TestServer.start(
            database,
            config ->
                config
                    .withDatabase(database.configThrough(proxy.port()))
                    .withManagement(new LeadtrailConfig.Management("127.0.0.1", 0)));
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    proxy.close();
    database.close();
  }

  @Test
  void ready_followsTheDatabaseAwayAndBackWithoutARestart() {
    assertThat(server.get("/health/live").statusCode()).isEqualTo(200);
    assertThat(server.get("/health/ready").body()).isEqualTo("{\"status\":\"UP\"}");

    proxy.cut();
    Eventually.await(
        "ready goes false",
        Duration.ofSeconds(20),
        () -> server.get("/health/ready").statusCode() == 503);
    assertThat(server.get("/health/ready").body()).isEqualTo("{\"status\":\"DOWN\"}");
    assertThat(server.get("/health/live").statusCode())
        .as("the process is still up")
        .isEqualTo(200);

    proxy.restore();
    Eventually.await(
        "ready comes back",
        Duration.ofSeconds(30),
        () -> server.get("/health/ready").statusCode() == 200);
  }

  @Test
  void metrics_moveWithRequestsAndAreServedOnTheManagementPortOnly() throws Exception {
    Tenant tenant = server.newTenant("Measured");
    long before = whoAmICount();

    for (int i = 0; i < 3; i++) {
      server.get("/v2/Authentication.svc/UserByAccessKey.Get?" + tenant.keyQuery());
    }

    Eventually.await(
        "the request counter moves by 3", Duration.ofSeconds(5), () -> whoAmICount() == before + 3);
    String metrics = scrape();
    assertThat(metrics)
        .contains("leadtrail_requests_seconds_bucket")
        .contains("hikaricp_connections_active")
        .contains("jvm_memory_used_bytes")
        .contains("leadtrail_ratelimit_rejections_total")
        .contains("leadtrail_activity_update_retries_total");
    assertThat(server.get("/metrics").statusCode()).as("not on the API port").isEqualTo(404);
    var ready =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:"
                            + server.leadtrail().managementPort()
                            + "/health/ready"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(ready.statusCode()).isEqualTo(200);
  }

  private long whoAmICount() {
    Matcher matcher = WHO_AM_I_COUNT.matcher(scrape());
    return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
  }

  private String scrape() {
    try {
      return http.send(
              HttpRequest.newBuilder(
                      URI.create(
                          "http://127.0.0.1:" + server.leadtrail().managementPort() + "/metrics"))
                  .build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
