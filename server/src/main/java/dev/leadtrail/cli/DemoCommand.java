package dev.leadtrail.cli;

import dev.leadtrail.Leadtrail;
import dev.leadtrail.config.ConfigLoader;
import dev.leadtrail.config.LeadtrailConfig;
import dev.leadtrail.demo.DemoOrganisation;
import dev.leadtrail.tls.LocalCertificates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Starts Leadtrail on an embedded SQLite file with a demo organisation whose keys are",
      "AccessKey / SecretKey, so that LeadSquared's documented samples run as pasted. Any setting",
      "of serve may follow as --key=value (e.g. --ratelimit.calls=1000)."
    })
final class DemoCommand implements Callable<Integer> {

  private static final String LOOPBACK = "127.0.0.1";

  @Option(names = "--port", defaultValue = "8080", description = "Port (default ${DEFAULT-VALUE}).")
  private int port;

  @Option(
      names = "--data",
      defaultValue = "data",
      paramLabel = "DIR",
      description = "Folder of the SQLite file (default ./${DEFAULT-VALUE}).")
  private Path data;

  @Option(
      names = "--bind",
      defaultValue = LOOPBACK,
      description = "Address to listen on (default ${DEFAULT-VALUE}, this machine only).")
  private String bind;

  @Option(
      names = "--tls",
      description =
          "Serve HTTPS with a certificate for localhost from a CA of this machine's own, kept in"
              + " DIR/tls and reused; trust DIR/tls/ca.pem.")
  private boolean tls;

  @Unmatched private List<String> settings = new ArrayList<>();

  /**
   * The demo's own choices (the SQLite file in {@code --data}, the address, no management port),
   * then the settings given as {@code --key=value}, which win. Neither a configuration file nor
   * {@code LEADTRAIL_*} variables apply: the demo starts the same wherever it runs.
   */
  LeadtrailConfig configuration() {
    List<String> flags = new ArrayList<>();
    flags.add("--database.url=jdbc:sqlite:" + demoFile());
    flags.add("--server.bind=" + bind);
    flags.add("--server.port=" + port);
    flags.add("--management.port=-1");
    if (tls) {
      LocalCertificates.Issued issued = LocalCertificates.ensure(tlsFolder());
      flags.add("--server.tls.certificate=" + issued.certificate());
      flags.add("--server.tls.key=" + issued.key());
    }
    flags.addAll(settings);
    return ConfigLoader.load(Optional.empty(), Map.of(), flags);
  }

  private Path tlsFolder() {
    return data.resolve("tls").toAbsolutePath();
  }

  private Path demoFile() {
    return data.resolve("leadtrail.db").toAbsolutePath();
  }

  @Override
  public Integer call() throws InterruptedException {
    LeadtrailConfig config = configuration();
    Leadtrail leadtrail = Leadtrail.open(config);
    try {
      DemoOrganisation.ensure(leadtrail);
      leadtrail.serve();
    } catch (RuntimeException e) {
      leadtrail.close();
      throw e;
    }
    printWelcome(config, leadtrail.port());
    Running.untilStopped(leadtrail);
    return 0;
  }

  private void printWelcome(LeadtrailConfig config, int actualPort) {
    String address = config.server().bind();
    String host = address.equals("0.0.0.0") ? LOOPBACK : address;
    String store =
        config.database().url().equals("jdbc:sqlite:" + demoFile())
            ? "data file    " + demoFile()
            : "store        " + config.database();
    String scheme = config.server().tls().enabled() ? "https" : "http";
    String baseUrl =
        scheme + "://" + (tls && host.equals(LOOPBACK) ? "localhost" : host) + ":" + actualPort;
    var keys = DemoOrganisation.KEYS;
    String reach =
        address.equals(LOOPBACK)
            ? "this machine only; --bind 0.0.0.0 opens it to others"
            : "listening on " + address + ", reachable from other machines";
    System.out.printf(
        """
        Leadtrail demo is running at %s (%s)
          %s
          organisation Leadtrail Demo (%s)
          user         Demo User (%s)
          access key   %s
          secret key   %s

        Try it:
          curl -s "%s/v2/Authentication.svc/UserByAccessKey.Get?accessKey=%s&secretKey=%s"
          curl -s -H 'Content-Type: application/json' \\
            "%s/v2/ProspectActivity.svc/CustomActivity/Update?accessKey=%s&secretKey=%s" \\
            -d '{"ProspectActivityId":"%s","ActivityEvent":%d,"ActivityNote":"Sample Note",
                 "Fields":[{"SchemaName":"mx_Custom_1","Value":"abcd"}]}'

        %s
        Stop it with Ctrl-C.
        """,
        baseUrl,
        reach,
        store,
        DemoOrganisation.ORG_ID,
        DemoOrganisation.USER_ID,
        keys.accessKey(),
        keys.secretKey(),
        baseUrl,
        keys.accessKey(),
        keys.secretKey(),
        baseUrl,
        keys.accessKey(),
        keys.secretKey(),
        DemoOrganisation.ACTIVITY_ID,
        DemoOrganisation.EVENT_CODE,
        tls ? trustHelp() : "");
  }

  /** How to trust the demo's CA, from curl, other tools and Java. */
  private String trustHelp() {
    Path ca = tlsFolder().resolve("ca.pem");
    return """
        HTTPS: trust the demo's own CA, %s
          curl --cacert %s ...          (or SSL_CERT_FILE=%s for most tools)
          Java: keytool -importcert -noprompt -alias leadtrail-demo -file %s \\
                  -keystore demo-truststore.p12 -storepass changeit
                then -Djavax.net.ssl.trustStore=demo-truststore.p12 -Djavax.net.ssl.trustStorePassword=changeit
        """
        .formatted(ca, ca, ca, ca);
  }
}
