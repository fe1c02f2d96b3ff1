package dev.leadtrail.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leadtrail.config.ConfigException;
import dev.leadtrail.config.LeadtrailConfig;
import dev.leadtrail.value.RateLimit;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code demo} takes every setting of {@code serve} as --key=value, over its own choices. */
class DemoSettingsTest {

  @TempDir Path folder;

  private LeadtrailConfig demo(String... args) {
    var command = new DemoCommand();
    new CommandLine(command).parseArgs(args);
    return command.configuration();
  }

  @Test
  void withoutSettings_theDemoRunsOnItsFileOnLoopbackWithoutAManagementPort() {
    LeadtrailConfig config = demo("--data", folder.toString());

    assertThat(config.database().url())
        .isEqualTo("jdbc:sqlite:" + folder.resolve("leadtrail.db").toAbsolutePath());
    assertThat(config.server().bind()).isEqualTo("127.0.0.1");
    assertThat(config.server().port()).isEqualTo(8080);
    assertThat(config.management().port()).isEqualTo(-1);
  }

  @Test
  void settings_winOverTheDemosOwnChoices() {
    LeadtrailConfig config =
        demo(
            "--data",
            folder.toString(),
            "--port",
            "8181",
            "--ratelimit.calls=1000",
            "--server.port=9191",
            "--server.max-body-bytes=4096");

    assertThat(config.rateLimits().standard()).isEqualTo(RateLimit.of(1000, 5));
    assertThat(config.server().port()).isEqualTo(9191);
    assertThat(config.server().maxBodyBytes()).isEqualTo(4096);
  }

  @Test
  void anUnknownSetting_isOneClearProblem() {
    assertThatThrownBy(() -> demo("--data", folder.toString(), "--ratelimit.cals=1000"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown setting ratelimit.cals")
        .hasMessageContaining("ratelimit.calls");
  }

  @Test
  void tls_makesALocalCaOnce_andServesWithItsCertificate() throws Exception {
    LeadtrailConfig first = demo("--data", folder.toString(), "--tls");
    String ca = java.nio.file.Files.readString(folder.resolve("tls/ca.pem"));
    LeadtrailConfig second = demo("--data", folder.toString(), "--tls");

    assertThat(first.server().tls().enabled()).isTrue();
    assertThat(first.server().tls().certificate())
        .isEqualTo(folder.resolve("tls/server.pem").toAbsolutePath());
    assertThat(second.server().tls()).isEqualTo(first.server().tls());
    assertThat(java.nio.file.Files.readString(folder.resolve("tls/ca.pem"))).isEqualTo(ca);
    assertThat(demo("--data", folder.toString()).server().tls().enabled()).isFalse();
  }
}
