package dev.leadtrail.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadtrail.testing.ApiTestCase;
import dev.leadtrail.testing.Tenant;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * How secrets are stored and checked: an issued secret under a fast hash, so that a wrong one costs
 * what an unknown key costs; a chosen secret under the slow one, checked side by side with other
 * guesses rather than in line behind them.
 */
abstract class KeyHashingApiTest extends ApiTestCase {

  private static final String WHO_AM_I = "/v2/Authentication.svc/UserByAccessKey.Get?";

  private final ExecutorService callers = Executors.newFixedThreadPool(24);

  @AfterAll
  void stopCallers() {
    callers.shutdownNow();
  }

  @Test
  void anIssuedSecret_isStoredUnderTheFastHashAndAWrongOneIsRefused() throws Exception {
    Tenant tenant = server.newTenant("Fast");

    assertThat(storedHash(tenant.keys().accessKey())).startsWith("sha256$");
    assertThat(call(tenant.keys().accessKey(), "0".repeat(40)).statusCode()).isEqualTo(401);
    assertThat(call(tenant.keys().accessKey(), tenant.keys().secretKey()).statusCode())
        .isEqualTo(200);
  }

  @Test
  void anIssuedSecretUnderTheSlowHash_movesToTheFastHashOnItsFirstMatch() throws Exception {
    Tenant tenant = server.newTenant("Legacy");
    var legacy =
        new IssuedKey(
            "legacy_" + tenant.orgId().value(), "0123456789abcdef0123456789abcdef01234567");
    server.leadtrail().apiKeys().issue(tenant.orgId(), tenant.userId(), legacy);
    assertThat(storedHash(legacy.accessKey())).startsWith("pbkdf2-sha512$");

    assertThat(call(legacy.accessKey(), legacy.secretKey()).statusCode()).isEqualTo(200);

    assertThat(storedHash(legacy.accessKey())).startsWith("sha256$");
    Thread.sleep(Authenticator.HELD_FOR.plusMillis(100).toMillis());
    assertThat(call(legacy.accessKey(), legacy.secretKey()).statusCode()).isEqualTo(200);
    assertThat(call(legacy.accessKey(), "f".repeat(40)).statusCode()).isEqualTo(401);
  }

  @Test
  void aChosenSecret_isCheckedBesideWrongGuessesNotBehindThem() throws Exception {
    Tenant tenant = server.newTenant("Chosen");
    var chosen = new IssuedKey("chosen_" + tenant.orgId().value(), "Sesame");
    server.leadtrail().apiKeys().issue(tenant.orgId(), tenant.userId(), chosen);
    assertThat(storedHash(chosen.accessKey())).startsWith("pbkdf2-sha512$");
    List<Future<HttpResponse<String>>> wrong = new ArrayList<>();
    List<Future<HttpResponse<String>>> right = new ArrayList<>();

    for (int i = 0; i < 12; i++) {
      String guess = "guess" + (i % 6);
      wrong.add(callers.submit(() -> call(chosen.accessKey(), guess)));
      right.add(callers.submit(() -> call(chosen.accessKey(), chosen.secretKey())));
    }

    for (var answer : wrong) {
      assertThat(answer.get().statusCode()).isEqualTo(401);
    }
    for (var answer : right) {
      assertThat(answer.get().statusCode()).isEqualTo(200);
    }
    assertThat(storedHash(chosen.accessKey()))
        .as("a chosen secret keeps the slow hash")
        .startsWith("pbkdf2-sha512$");
  }

  private HttpResponse<String> call(String accessKey, String secretKey) {
    return server.get(WHO_AM_I + "accessKey=" + accessKey + "&secretKey=" + secretKey);
  }

  private String storedHash(String accessKey) throws Exception {
    return database.queryString(
        "SELECT secret_hash FROM api_keys WHERE access_key = '" + accessKey + "'");
  }
}
