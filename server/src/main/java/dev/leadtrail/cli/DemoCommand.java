package dev.leadtrail.cli;

import dev.leadtrail.Leadtrail;
import dev.leadtrail.config.ConfigLoader;
import dev.leadtrail.config.LeadtrailConfig;
import dev.leadtrail.demo.DemoOrganisation;
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
    flags.addAll(settings);
    return ConfigLoader.load(Optional.empty(), Map.of(), flags);
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
    String baseUrl = "http://" + host + ":" + actualPort;
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
        DemoOrganisation.EVENT_CODE);
  }
}
