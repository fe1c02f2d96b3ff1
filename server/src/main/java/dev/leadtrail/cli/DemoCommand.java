package dev.leadtrail.cli;

import dev.leadtrail.Leadtrail;
import dev.leadtrail.config.ConfigLoader;
import dev.leadtrail.config.LeadtrailConfig;
import dev.leadtrail.demo.DemoOrganisation;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Starts Leadtrail on an embedded SQLite file with a demo organisation whose keys are",
      "AccessKey / SecretKey, so that LeadSquared's documented samples run as pasted."
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

  @Override
  public Integer call() throws InterruptedException {
    Path file = data.resolve("leadtrail.db").toAbsolutePath();
    LeadtrailConfig defaults = ConfigLoader.defaultConfig();
    var config =
        defaults
            .withServer(defaults.server().withAddress(bind, port))
            .withManagement(new LeadtrailConfig.Management(LOOPBACK, -1))
            .withDatabase(
                new LeadtrailConfig.Database(
                    "jdbc:sqlite:" + file, "", "", defaults.database().poolSize()));
    Leadtrail leadtrail = Leadtrail.open(config);
    try {
      DemoOrganisation.ensure(leadtrail);
      leadtrail.serve();
    } catch (RuntimeException e) {
      leadtrail.close();
      throw e;
    }
    printWelcome(file, leadtrail.port());
    Running.untilStopped(leadtrail);
    return 0;
  }

  private void printWelcome(Path file, int actualPort) {
    String host = bind.equals("0.0.0.0") ? LOOPBACK : bind;
    String baseUrl = "http://" + host + ":" + actualPort;
    var keys = DemoOrganisation.KEYS;
    String reach =
        bind.equals(LOOPBACK)
            ? "this machine only; --bind 0.0.0.0 opens it to others"
            : "listening on " + bind + ", reachable from other machines";
    System.out.printf(
        """
        Leadtrail demo is running at %s (%s)
          data file    %s
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
        file,
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
