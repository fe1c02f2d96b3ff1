package dev.leadtrail.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadtrail.config.ConfigException;
import dev.leadtrail.config.LeadtrailConfig;
import dev.leadtrail.demo.DemoOrganisation;
import dev.leadtrail.testing.TestDatabase;
import dev.leadtrail.testing.TestServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS on the API port, from PEM files or a PKCS12 keystore, and the demo's local CA. */
class TlsApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String WHO_AM_I =
      "/v2/Authentication.svc/UserByAccessKey.Get?accessKey=AccessKey&secretKey=SecretKey";

  @TempDir Path folder;

  /** The demo organisation served over HTTPS with {@code tls}. */
  private static TestServer start(TestDatabase database, LeadtrailConfig.Tls tls) {
    TestServer server =
        TestServer.start(database, config -> config.withServer(config.server().withTls(tls)));
    DemoOrganisation.ensure(server.leadtrail());
    return server;
  }

  private static HttpClient trusting(Path ca) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    try (InputStream in = Files.newInputStream(ca)) {
      trust.setCertificateEntry(
          "ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    var factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return HttpClient.newBuilder()
        .sslContext(context)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  @Test
  void pemCertificates_serveHttps_andTheServiceUrlsSayHttps() throws Exception {
    LocalCertificates.Issued issued = LocalCertificates.ensure(folder.resolve("tls"));
    try (TestDatabase database = TestDatabase.sqlite(folder);
        TestServer leadtrail =
            start(
                database, new LeadtrailConfig.Tls(issued.certificate(), issued.key(), null, ""))) {
      for (String host : new String[] {"localhost", "127.0.0.1"}) {
        var response =
            trusting(issued.ca())
                .send(
                    HttpRequest.newBuilder(
                            URI.create(
                                "https://" + host + ":" + leadtrail.leadtrail().port() + WHO_AM_I))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(host).isEqualTo(200);
        var body = JSON.readTree(response.body());
        assertThat(body.get("MobileServiceURLs").get("FileUploadURL").asText())
            .isEqualTo("https://" + host + ":" + leadtrail.leadtrail().port() + "/File/Upload");
      }
    }
  }

  @Test
  void aPkcs12Keystore_servesHttpsToo() throws Exception {
    LocalCertificates.Issued issued = LocalCertificates.ensure(folder.resolve("tls"));
    TlsKeys.Material material =
        TlsKeys.load(new LeadtrailConfig.Tls(issued.certificate(), issued.key(), null, ""));
    Path keystore = folder.resolve("server.p12");
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry(
        "server",
        material.keyStore().getKey("leadtrail", material.password().toCharArray()),
        "secret".toCharArray(),
        material.keyStore().getCertificateChain("leadtrail"));
    try (OutputStream out = Files.newOutputStream(keystore)) {
      store.store(out, "secret".toCharArray());
    }

    try (TestDatabase database = TestDatabase.sqlite(folder);
        TestServer leadtrail =
            start(database, new LeadtrailConfig.Tls(null, null, keystore, "secret"))) {
      var response =
          trusting(issued.ca())
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              "https://localhost:" + leadtrail.leadtrail().port() + WHO_AM_I))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void plainHttpToTheTlsPort_failsAtOnce_ratherThanHanging() throws Exception {
    LocalCertificates.Issued issued = LocalCertificates.ensure(folder.resolve("tls"));
    try (TestDatabase database = TestDatabase.sqlite(folder);
        TestServer leadtrail =
            start(
                database, new LeadtrailConfig.Tls(issued.certificate(), issued.key(), null, ""))) {
      long start = System.nanoTime();
      try (Socket socket = new Socket("127.0.0.1", leadtrail.leadtrail().port())) {
        socket.setSoTimeout(5_000);
        socket
            .getOutputStream()
            .write(
                ("GET " + WHO_AM_I + " HTTP/1.1\r\nHost: x\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        byte[] answer = socket.getInputStream().readAllBytes();
        assertThat(new String(answer, StandardCharsets.ISO_8859_1)).doesNotContain("200 OK");
      } catch (java.net.SocketException e) {
        // reset by the server: as clear a failure as a closed connection
      }
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }
  }

  @Test
  void theLocalCa_isReusedOnTheNextStart() throws Exception {
    LocalCertificates.Issued first = LocalCertificates.ensure(folder.resolve("tls"));
    String ca = Files.readString(first.ca());

    LocalCertificates.Issued second = LocalCertificates.ensure(folder.resolve("tls"));

    assertThat(Files.readString(second.ca())).isEqualTo(ca);
  }

  @Test
  void unreadableOrMismatchedMaterial_isAConfigurationError() throws Exception {
    Path notPem = Files.writeString(folder.resolve("cert.pem"), "not a certificate");
    LocalCertificates.Issued issued = LocalCertificates.ensure(folder.resolve("tls"));

    assertThatThrownBy(() -> TlsKeys.load(new LeadtrailConfig.Tls(notPem, issued.key(), null, "")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("server.tls.certificate");
    assertThatThrownBy(
            () -> TlsKeys.load(new LeadtrailConfig.Tls(issued.certificate(), notPem, null, "")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("server.tls.key");
    assertThatThrownBy(() -> TlsKeys.load(new LeadtrailConfig.Tls(null, null, issued.ca(), "x")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("server.tls.keystore");
  }
}
