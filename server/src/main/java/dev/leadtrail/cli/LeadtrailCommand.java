package dev.leadtrail.cli;

import dev.leadtrail.config.ConfigException;
import dev.leadtrail.error.LeadtrailException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "leadtrail",
    mixinStandardHelpOptions = true,
    versionProvider = LeadtrailCommand.Version.class,
    description = "A self-hostable server for the lead-activity part of the LeadSquared REST API.",
    subcommands = {DemoCommand.class, ServeCommand.class, AdminCommand.class})
public final class LeadtrailCommand implements Runnable {

  @Spec private CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Name a command: demo, serve or admin.");
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    return new CommandLine(new LeadtrailCommand())
        .setExecutionExceptionHandler(
            (failure, commandLine, parseResult) -> {
              if (failure instanceof ConfigException || failure instanceof LeadtrailException) {
                commandLine.getErr().println("leadtrail: " + failure.getMessage());
                return failure instanceof ConfigException ? 2 : 1;
              }
              throw failure;
            });
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = LeadtrailCommand.class.getPackage().getImplementationVersion();
      return new String[] {"leadtrail " + (version == null ? "(development build)" : version)};
    }
  }
}
