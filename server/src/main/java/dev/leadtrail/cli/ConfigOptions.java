package dev.leadtrail.cli;

import dev.leadtrail.config.ConfigLoader;
import dev.leadtrail.config.LeadtrailConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/** Where {@code serve} and {@code admin} find their configuration: file, environment, flags. */
final class ConfigOptions {

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "A YAML configuration file, e.g. leadtrail.yml.")
  private Path file;

  @Unmatched private List<String> overrides = new ArrayList<>();

  LeadtrailConfig load() {
    return ConfigLoader.load(Optional.ofNullable(file), System.getenv(), overrides);
  }
}
