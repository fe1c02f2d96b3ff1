package dev.leadtrail.config;

import java.net.BindException;
import java.util.List;

/** Start-up stops: one or more settings are unknown or invalid. The message lists them all. */
public final class ConfigException extends RuntimeException {

  private final List<String> problems;

  public ConfigException(List<String> problems) {
    super("Invalid configuration:\n  - " + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  /** The address a setting names is taken, most likely by another program or instance. */
  public static ConfigException addressInUse(String setting, String bind, int port) {
    return new ConfigException(
        List.of(
            setting
                + ": "
                + bind
                + ":"
                + port
                + " is already in use (another Leadtrail, or another program); choose another"
                + " port"));
  }

  /** Whether a failure to start is an address in use, however deep it is wrapped. */
  public static boolean isAddressInUse(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof BindException) {
        return true;
      }
    }
    return false;
  }

  public List<String> problems() {
    return problems;
  }
}
