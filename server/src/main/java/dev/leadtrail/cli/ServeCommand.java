package dev.leadtrail.cli;

import dev.leadtrail.Leadtrail;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Starts Leadtrail from its configuration: the file named by --config, then LEADTRAIL_*",
      "environment variables, then --key=value flags (e.g. --server.port=9090)."
    })
final class ServeCommand implements Callable<Integer> {

  @Mixin private ConfigOptions configOptions;

  @Override
  public Integer call() throws InterruptedException {
    var config = configOptions.load();
    Leadtrail leadtrail = Leadtrail.start(config);
    System.out.printf(
        "Leadtrail is serving on %s:%d (%s)%n",
        config.server().bind(), leadtrail.port(), config.database());
    Running.untilStopped(leadtrail);
    return 0;
  }
}
