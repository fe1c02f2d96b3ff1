package dev.leadtrail.cli;

import dev.leadtrail.Leadtrail;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Starts Leadtrail from its configuration: the file named by --config, then LEADTRAIL_*",
      "environment variables, then --key=value flags (e.g. --server.port=9090)."
    })
final class ServeCommand extends ConfiguredCommand implements Callable<Integer> {

  @Override
  public Integer call() throws InterruptedException {
    var config = configuration();
    Leadtrail leadtrail = Leadtrail.start(config);
    System.out.printf(
        "Leadtrail is serving on %s:%d (%s)%n",
        config.server().bind(), leadtrail.port(), config.database());
    Running.untilStopped(leadtrail);
    return 0;
  }
}
