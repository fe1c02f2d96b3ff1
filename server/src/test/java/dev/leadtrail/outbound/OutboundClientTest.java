package dev.leadtrail.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.leadtrail.config.ConfigException;
import dev.leadtrail.config.LeadtrailConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The outbound guard, against a real local server that misbehaves in each way a test needs. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboundClientTest {

  private static final long LIMIT = 1_000;
  private static final HostResolver TO_LOOPBACK =
      host -> List.of(InetAddress.getByName("127.0.0.1"));

  private HttpServer server;
  private String base;

  @BeforeAll
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/file.txt", ex -> answer(ex, 200, "hello", "text/plain"));
    server.createContext(
        "/named",
        ex -> {
          ex.getResponseHeaders().add("Content-Disposition", "attachment; filename=\"report.pdf\"");
          answer(ex, 200, "%PDF", "application/pdf");
        });
    server.createContext("/missing", ex -> answer(ex, 404, "no", "text/plain"));
    server.createContext(
        "/to-metadata", ex -> redirect(ex, "http://169.254.169.254/latest/meta-data/"));
    server.createContext("/loop", ex -> redirect(ex, "/loop"));
    server.createContext("/once", ex -> redirect(ex, "/file.txt"));
    server.createContext("/to-ftp", ex -> redirect(ex, "ftp://example.com/x"));
    server.createContext(
        "/silent",
        ex -> {
          sleep(5_000);
          answer(ex, 200, "late", "text/plain");
        });
    server.createContext(
        "/trickle",
        ex -> {
          ex.sendResponseHeaders(200, 0);
          try (OutputStream out = ex.getResponseBody()) {
            for (int i = 0; i < 50; i++) {
              out.write('x');
              out.flush();
              sleep(100);
            }
          } catch (IOException e) {
            // the client gave up, as it should
          }
        });
    server.createContext("/declared-large", ex -> answer(ex, 200, "x".repeat(2_000), "text/plain"));
    server.createContext(
        "/chunked-large",
        ex -> {
          ex.sendResponseHeaders(200, 0);
          try (OutputStream out = ex.getResponseBody()) {
            for (int i = 0; i < 100; i++) {
              out.write("x".repeat(100).getBytes(StandardCharsets.UTF_8));
            }
          } catch (IOException e) {
            // the client gave up, as it should
          }
        });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterAll
  void stopServer() {
    server.stop(0);
  }

  private static void answer(HttpExchange ex, int status, String body, String type)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", type);
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void redirect(HttpExchange ex, String location) throws IOException {
    ex.getResponseHeaders().add("Location", location);
    ex.sendResponseHeaders(302, -1);
    ex.close();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static OutboundClient client(HostResolver resolver, String... allowed) {
    return OutboundClient.start(
        new LeadtrailConfig.Outbound(
            List.of(allowed), Duration.ofSeconds(1), Duration.ofMillis(1_500)),
        resolver);
  }

  private static void assertFails(
      ThrowingCallable call, OutboundFailure.Reason reason, String mentions) {
    assertThatThrownBy(call)
        .isInstanceOf(OutboundFailure.class)
        .hasMessageContaining(mentions)
        .extracting(e -> ((OutboundFailure) e).reason())
        .isEqualTo(reason);
  }

  @Test
  void fetchesFromAnAllowedAddress_withItsTypeAndName() throws Exception {
    try (var client = client(HostResolver.SYSTEM, "127.0.0.1")) {
      Fetched plain = client.get(base + "/file.txt", LIMIT);
      Fetched named = client.get(base + "/named?x=1", LIMIT);

      assertThat(new String(plain.content(), StandardCharsets.UTF_8)).isEqualTo("hello");
      assertThat(plain.contentType()).isEqualTo("text/plain");
      assertThat(plain.suggestedName()).isEqualTo("file.txt");
      assertThat(named.suggestedName()).isEqualTo("report.pdf");
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "file:///etc/passwd",
        "ftp://example.com/a",
        "gopher://example.com/a",
        "jar:http://example.com/a.jar!/b",
        "example.com/a.txt",
        "http:///nohost",
        "http://user:pw@example.com/a"
      })
  void refusesUrlsThatAreNotPlainHttp(String url) {
    try (var client = client(HostResolver.SYSTEM)) {
      assertFails(() -> client.get(url, LIMIT), OutboundFailure.Reason.BAD_URL, "");
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1/",
        "http://[::1]/",
        "http://localhost/",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/",
        "http://192.168.1.1/",
        "http://172.16.0.1/",
        "http://100.64.0.1/",
        "http://0.0.0.0/",
        "http://[::]/",
        "http://[::ffff:127.0.0.1]/",
        "http://[::ffff:169.254.169.254]/",
        "http://[fd00::1]/",
        "http://[fe80::1]/",
        "http://224.0.0.1/",
        "http://2130706433/",
        "https://127.0.0.1/"
      })
  void refusesInternalAddresses(String url) {
    try (var client = client(HostResolver.SYSTEM)) {
      assertFails(
          () -> client.get(url, LIMIT), OutboundFailure.Reason.REFUSED_ADDRESS, "internal address");
    }
  }

  @Test
  void refusesAPublicLookingNameThatResolvesToLoopback() {
    try (var client = client(TO_LOOPBACK)) {
      int port = server.getAddress().getPort();
      assertFails(
          () -> client.get("http://files.example.com:" + port + "/file.txt", LIMIT),
          OutboundFailure.Reason.REFUSED_ADDRESS,
          "files.example.com");
    }
  }

  @Test
  void aHostAllowedByName_connectsToTheAddressItWasResolvedTo() throws Exception {
    try (var client = client(TO_LOOPBACK, "files.example.com")) {
      int port = server.getAddress().getPort();
      Fetched fetched = client.get("http://files.example.com:" + port + "/file.txt", LIMIT);
      assertThat(new String(fetched.content(), StandardCharsets.UTF_8)).isEqualTo("hello");
    }
  }

  @Test
  void followsRedirects_checkingEachOneAgain() throws Exception {
    try (var client = client(HostResolver.SYSTEM, "127.0.0.1")) {
      assertThat(client.get(base + "/once", LIMIT).content()).asString().isEqualTo("hello");
      assertFails(
          () -> client.get(base + "/to-metadata", LIMIT),
          OutboundFailure.Reason.REFUSED_ADDRESS,
          "169.254.169.254");
      assertFails(
          () -> client.get(base + "/to-ftp", LIMIT), OutboundFailure.Reason.BAD_URL, "http");
      assertFails(
          () -> client.get(base + "/loop", LIMIT),
          OutboundFailure.Reason.TOO_MANY_REDIRECTS,
          "more than 3");
    }
  }

  @Test
  void boundsTime_forAServerThatNeverAnswersOrTrickles() {
    try (var client = client(HostResolver.SYSTEM, "127.0.0.1")) {
      long start = System.nanoTime();
      assertFails(
          () -> client.get(base + "/silent", LIMIT),
          OutboundFailure.Reason.TIMED_OUT,
          "did not answer in time");
      assertFails(
          () -> client.get(base + "/trickle", 100_000),
          OutboundFailure.Reason.TIMED_OUT,
          "did not answer in time");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }
  }

  @Test
  void boundsSize_whetherDeclaredOrStreamed() {
    try (var client = client(HostResolver.SYSTEM, "127.0.0.1")) {
      assertFails(
          () -> client.get(base + "/declared-large", LIMIT),
          OutboundFailure.Reason.TOO_LARGE,
          "larger than the limit");
      assertFails(
          () -> client.get(base + "/chunked-large", LIMIT),
          OutboundFailure.Reason.TOO_LARGE,
          "larger than the limit");
    }
  }

  @Test
  void anErrorStatusIsAFailure() {
    try (var client = client(HostResolver.SYSTEM, "127.0.0.1")) {
      assertFails(
          () -> client.get(base + "/missing", LIMIT), OutboundFailure.Reason.HTTP_STATUS, "404");
    }
  }

  @Test
  void anAllowListEntryThatIsNeitherNameNorRange_isAConfigurationError() {
    assertThatThrownBy(() -> client(HostResolver.SYSTEM, "10.0.0.0/99"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("outbound.allow-hosts");
    assertThatThrownBy(() -> client(HostResolver.SYSTEM, "http://x"))
        .isInstanceOf(ConfigException.class);
  }

  @Test
  void cidrRangesAllow_andIpv6MappedFormsAreJudgedByTheirIpv4Address() throws Exception {
    try (var client = client(HostResolver.SYSTEM, "127.0.0.0/8")) {
      assertThat(client.get(base + "/file.txt", LIMIT).content()).asString().isEqualTo("hello");
    }
    assertThat(AddressPolicy.isInternal(InetAddress.getByName("::ffff:10.1.2.3"))).isTrue();
    assertThat(AddressPolicy.isInternal(InetAddress.getByName("64:ff9b::7f00:1"))).isTrue();
    assertThat(AddressPolicy.isInternal(InetAddress.getByName("93.184.216.34"))).isFalse();
    assertThat(AddressPolicy.isInternal(InetAddress.getByName("2606:2800:220:1::1"))).isFalse();
  }
}
