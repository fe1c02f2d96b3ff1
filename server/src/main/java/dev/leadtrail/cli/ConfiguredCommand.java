package dev.leadtrail.cli;

import dev.leadtrail.config.ConfigLoader;
import dev.leadtrail.config.LeadtrailConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * A command that runs on the configured store, as {@code serve} and {@code admin} do: the file
 * named by {@code --config}, then {@code LEADTRAIL_*} environment variables, then {@code
 * --key=value} flags.
 */
abstract class ConfiguredCommand {

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "A YAML configuration file, e.g. leadtrail.yml.")
  private Path file;

  @Unmatched private List<String> overrides = new ArrayList<>();

  LeadtrailConfig configuration() {
    return ConfigLoader.load(Optional.ofNullable(file), System.getenv(), overrides);
  }
}
