package dev.leadtrail.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leadtrail.Leadtrail;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A port that another program holds stops start-up with one line naming the setting. */
class BusyPortTest {

  @Test
  void aBusyApiPort_isAConfigurationProblemNamingIt(@TempDir Path folder) throws Exception {
    try (var taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      LeadtrailConfig defaults = ConfigLoader.defaultConfig();
      LeadtrailConfig config =
          defaults
              .withServer(defaults.server().withAddress("127.0.0.1", taken.getLocalPort()))
              .withDatabase(
                  new LeadtrailConfig.Database(
                      "jdbc:sqlite:" + folder.resolve("busy.db"), "", "", 4))
              .withManagement(new LeadtrailConfig.Management("127.0.0.1", -1));

      assertThatThrownBy(() -> Leadtrail.start(config).close())
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("server.port: 127.0.0.1:" + taken.getLocalPort())
          .hasMessageContaining("already in use");
    }
  }
}
