package dev.leadtrail.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadtrail.config.LeadtrailConfig;
import dev.leadtrail.testing.Eventually;
import dev.leadtrail.testing.RawHttp;
import dev.leadtrail.testing.Tenant;
import dev.leadtrail.testing.TestDatabase;
import dev.leadtrail.testing.TestServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that send their requests slowly: they hold no request thread, are cut off at the read
 * deadline or below the minimum rate with a clean error, and other organisations are answered as
 * usual meanwhile.
 */
class SlowClientTest {

  private static final String UPDATE = "/v2/ProspectActivity.svc/CustomActivity/Update";

  /** The slow clients come from an address of their own, as an attacker's would. */
  private static final String SLOW_ADDRESS = "127.0.0.2";

  @TempDir Path folder;
  private TestDatabase database;
  private TestServer server;
  private final List<Socket> sockets = new ArrayList<>();

  private void start(Duration readTimeout, int requestsPerAddress) {
    start(readTimeout, 1024, 1024, requestsPerAddress);
  }

  private void start(Duration readTimeout, int connectionsPerAddress, int requestsPerAddress) {
    start(readTimeout, 1024, connectionsPerAddress, requestsPerAddress);
  }

  private void start(
      Duration readTimeout,
      int minReadBytesPerSecond,
      int connectionsPerAddress,
      int requestsPerAddress) {
    database = TestDatabase.sqlite(folder);
    server =
        TestServer.start(
            database,
            config ->
                config.withServer(
                    config
                        .server()
                        .withClients(
                            new LeadtrailConfig.ClientLimits(
                                readTimeout,
                                minReadBytesPerSecond,
                                connectionsPerAddress,
                                requestsPerAddress,
                                64))));
  }

  @AfterEach
  void stop() throws Exception {
    for (Socket socket : sockets) {
      socket.close();
    }
    if (server != null) {
      server.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  void threeHundredTricklingBodies_holdNoThreadAndOtherOrganisationsAreStillAnswered()
      throws Exception {
    // Long enough that the first 200 are still in flight when the last of the 300 arrive, even on a
    // loaded machine: a request cut off early would free its place for one meant to be refused. The
    // minimum rate is off, so that the deadline alone cuts them off.
    start(Duration.ofSeconds(6), 0, 1024, 200);
    Tenant slow = server.newTenant("Slow");
    Tenant other = server.newTenant("Other");
    assertThat(
            server
                .get("/v2/Authentication.svc/UserByAccessKey.Get?" + other.keyQuery())
                .statusCode())
        .as("the first call of a key waits for its hash: not what this test measures")
        .isEqualTo(200);
    for (int i = 0; i < 300; i++) {
      sockets.add(slowRequest(slow, 300));
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();

    long slowest = 0;
    int calls = 0;
    while (System.nanoTime() < deadline) {
      trickle();
      long began = System.nanoTime();
      var response = server.get("/v2/Authentication.svc/UserByAccessKey.Get?" + other.keyQuery());
      slowest = Math.max(slowest, System.nanoTime() - began);
      calls++;
      assertThat(response.statusCode()).isEqualTo(200);
      Thread.sleep(100);
    }

    assertThat(calls).isGreaterThan(5);
    assertThat(Duration.ofNanos(slowest)).isLessThan(Duration.ofSeconds(1));
    List<String> answers = new ArrayList<>();
    for (Socket socket : sockets) {
      socket.setSoTimeout(10_000);
      answers.add(RawHttp.readAnswer(socket.getInputStream()));
    }
    assertThat(answers)
        .allSatisfy(
            answer ->
                assertThat(answer)
                    .containsAnyOf("HTTP/1.1 400", "HTTP/1.1 429")
                    .contains("\"Status\":\"Error\""));
    assertThat(answers)
        .as("the requests over the address's cap are refused at once")
        .filteredOn(answer -> answer.startsWith("HTTP/1.1 429"))
        .hasSize(100);
    assertThat(answers)
        .filteredOn(answer -> answer.startsWith("HTTP/1.1 400"))
        .hasSize(200)
        .allSatisfy(answer -> assertThat(answer).contains("did not arrive whole within 6 seconds"));
  }

  @Test
  void aBodyBelowTheMinimumRate_isCutOffAfterTheGracePeriod() throws Exception {
    start(Duration.ofSeconds(60), 200);
    Tenant slow = server.newTenant("Trickle");
    Socket socket = slowRequest(slow, 1_000);
    socket.setSoTimeout(200);
    long began = System.nanoTime();

    String answer = null;
    while (answer == null && System.nanoTime() - began < Duration.ofSeconds(15).toNanos()) {
      socket.getOutputStream().write(' ');
      answer = answerIfAny(socket);
    }

    assertThat(answer).startsWith("HTTP/1.1 400").contains("slower than 1024 bytes a second");
    assertThat(Duration.ofNanos(System.nanoTime() - began))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void aRequestHeadSentAByteAtATime_losesItsConnectionAtTheDeadline() throws Exception {
    start(Duration.ofSeconds(2), 200);
    var socket = new Socket();
    sockets.add(socket);
    socket.bind(new InetSocketAddress(SLOW_ADDRESS, 0));
    socket.connect(new InetSocketAddress("127.0.0.1", port()));
    socket.setSoTimeout(200);
    socket
        .getOutputStream()
        .write(
            "GET /v2/Authentication.svc/UserByAccessKey.Get HTTP/1.1\r\nHost: x\r\nX-Slow: "
                .getBytes(StandardCharsets.US_ASCII));
    long began = System.nanoTime();

    boolean closed = false;
    while (!closed && System.nanoTime() - began < Duration.ofSeconds(10).toNanos()) {
      try {
        socket.getOutputStream().write('a');
        closed = socket.getInputStream().read() < 0;
      } catch (java.net.SocketTimeoutException e) {
        // still open: send the next byte
      } catch (IOException e) {
        closed = true;
      }
    }

    assertThat(closed).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - began))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void connectionsOverTheAddresssCap_areClosedAtOnceAndClosedOnesMakeRoom() throws Exception {
    start(Duration.ofSeconds(30), 4, 200);
    Tenant tenant = server.newTenant("Hoarder");
    for (int i = 0; i < 4; i++) {
      sockets.add(answeredAndKeptOpen(tenant));
    }

    Socket fifth = slowRequest(tenant, 100);
    sockets.add(fifth);
    fifth.setSoTimeout(5_000);

    assertThat(closedWithoutAnswer(fifth)).isTrue();
    for (Socket socket : sockets) {
      socket.close();
    }
    Eventually.await(
        "the server to see the closed connections go",
        Duration.ofSeconds(5),
        () -> answersAQuickRequest(tenant));
    for (int i = 0; i < 20; i++) {
      try (Socket again = slowRequest(tenant, 1)) {
        again.setSoTimeout(5_000);
        assertThat(RawHttp.readAnswer(again.getInputStream()))
            .as("connection %d, after the earlier ones closed", i)
            .startsWith("HTTP/1.1 400");
      }
    }
  }

  /** A connection the server has surely opened: it answered a call on it, and keeps it alive. */
  private Socket answeredAndKeptOpen(Tenant tenant) throws IOException {
    var socket = new Socket();
    socket.bind(new InetSocketAddress(SLOW_ADDRESS, 0));
    socket.connect(new InetSocketAddress("127.0.0.1", port()));
    socket.setSoTimeout(5_000);
    socket
        .getOutputStream()
        .write(
            ("GET /v2/Authentication.svc/UserByAccessKey.Get?"
                    + tenant.keyQuery()
                    + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    assertThat(RawHttp.readAnswer(socket.getInputStream())).startsWith("HTTP/1.1 200");
    return socket;
  }

  private boolean answersAQuickRequest(Tenant tenant) {
    try (Socket socket = slowRequest(tenant, 1)) {
      socket.setSoTimeout(5_000);
      return RawHttp.readAnswer(socket.getInputStream()).startsWith("HTTP/1.1 400");
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean closedWithoutAnswer(Socket socket) throws IOException {
    try {
      return socket.getInputStream().read() == -1;
    } catch (java.net.SocketTimeoutException e) {
      return false;
    } catch (java.net.SocketException e) {
      return true;
    }
  }

  private Socket slowRequest(Tenant tenant, int contentLength) throws IOException {
    var socket = new Socket();
    socket.bind(new InetSocketAddress(SLOW_ADDRESS, 0));
    socket.connect(new InetSocketAddress("127.0.0.1", port()));
    String head =
        "POST "
            + UPDATE
            + "?"
            + tenant.keyQuery()
            + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            + "Content-Length: "
            + contentLength
            + "\r\n\r\n{";
    socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
    return socket;
  }

  private void trickle() {
    for (Socket socket : sockets) {
      try {
        OutputStream out = socket.getOutputStream();
        out.write(' ');
      } catch (IOException e) {
        // answered and closed already: what the test looks at later
      }
    }
  }

  private static String answerIfAny(Socket socket) throws IOException {
    try {
      int first = socket.getInputStream().read();
      if (first < 0) {
        return "";
      }
      return (char) first + RawHttp.readAnswer(socket.getInputStream());
    } catch (java.net.SocketTimeoutException e) {
      return null;
    }
  }

  private int port() {
    return server.leadtrail().port();
  }
}
