package dev.leadtrail.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  @TempDir Path folder;

  @Test
  void withNothingGiven_theDefaultsServeSqliteOnPort8080WithLeadSquaredsLimits() {
    LeadtrailConfig config = ConfigLoader.load(Optional.empty(), Map.of(), List.of());

    assertThat(config.server().port()).isEqualTo(8080);
    assertThat(config.server().maxBodyBytes()).isEqualTo(1024 * 1024);
    assertThat(config.database().url()).isEqualTo("jdbc:sqlite:data/leadtrail.db");
    assertThat(config.rateLimits().standard().calls()).isEqualTo(25);
    assertThat(config.rateLimits().standard().window()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.rateLimits().bulk().calls()).isEqualTo(1);
  }

  @Test
  void theFileIsOverriddenByTheEnvironment_whichIsOverriddenByFlags() throws IOException {
    Path file =
        write(
            """
            server:
              port: 9000
              bind: 10.0.0.1
            database:
              url: jdbc:postgresql://db:5432/leadtrail
              pool-size: 20
            """);

    LeadtrailConfig config =
        ConfigLoader.load(
            Optional.of(file),
            Map.of(
                "LEADTRAIL_SERVER_PORT",
                "9100",
                "LEADTRAIL_DATABASE_POOL_SIZE",
                "30",
                "HOME",
                "/x"),
            List.of("--server.port=9200"));

    assertThat(config.server().port()).isEqualTo(9200);
    assertThat(config.server().bind()).isEqualTo("10.0.0.1");
    assertThat(config.database().poolSize()).isEqualTo(30);
    assertThat(config.database().url()).startsWith("jdbc:postgresql:");
  }

  @Test
  void anUnknownSettingInTheFile_stopsStartUpNamingItAndTheClosestOne() throws IOException {
    Path file = write("server:\n  prot: 9000\n");

    assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of(), List.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown setting server.prot")
        .hasMessageContaining("did you mean server.port?");
  }

  @Test
  void anUnknownEnvironmentVariableWithOurPrefix_stopsStartUp() {
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    Optional.empty(), Map.of("LEADTRAIL_DATABASE_URI", "x"), List.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("LEADTRAIL_DATABASE_URI")
        .hasMessageContaining("did you mean database.url?");
  }

  @Test
  void everyProblem_isReportedAtOnceWithWhereItCameFrom() {
    var failure =
        org.junit.jupiter.api.Assertions.assertThrows(
            ConfigException.class,
            () ->
                ConfigLoader.load(
                    Optional.empty(),
                    Map.of("LEADTRAIL_SERVER_PORT", "eighty"),
                    List.of("--database.url=mysql://x", "--ratelimit.calls=0")));

    assertThat(failure.problems()).hasSize(3);
    assertThat(failure.getMessage())
        .contains("server.port (from environment variable LEADTRAIL_SERVER_PORT)")
        .contains("database.url (from flag --database.url) must start with jdbc:sqlite:")
        .contains("ratelimit.calls (from flag --ratelimit.calls) must be a whole number from 1");
  }

  @Test
  void aFlagThatIsNotKeyEqualsValue_isRefused() {
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of(), List.of("--verbose")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("--verbose is not of the form --key=value");
  }

  @Test
  void printedConfiguration_masksThePassword() {
    LeadtrailConfig config =
        ConfigLoader.load(
            Optional.empty(),
            Map.of(),
            List.of(
                "--database.url=jdbc:postgresql://db/x?user=a&password=hunter2",
                "--database.password=hunter3"));

    assertThat(config.database().toString()).doesNotContain("hunter2", "hunter3").contains("****");
  }

  private Path write(String yaml) throws IOException {
    Path file = folder.resolve("leadtrail.yml");
    Files.writeString(file, yaml);
    return file;
  }

  @Test
  void theNewSettings_areCheckedAndListsComeFromFilesAndFlags(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path folder) throws Exception {
    var file = folder.resolve("leadtrail.yml");
    java.nio.file.Files.writeString(
        file, "outbound:\n  allow-hosts: [127.0.0.1, files.intranet, 10.1.0.0/16]\n");

    var config =
        ConfigLoader.load(
            Optional.of(file),
            Map.of("LEADTRAIL_FILES_MAX_BYTES", "1048576"),
            List.of("--server.public-url=https://crm.example.com/"));

    assertThat(config.outbound().allowHosts())
        .containsExactly("127.0.0.1", "files.intranet", "10.1.0.0/16");
    assertThat(config.files().maxBytes()).isEqualTo(1_048_576);
    assertThat(config.server().publicUrl()).isEqualTo("https://crm.example.com");
    var failure =
        org.junit.jupiter.api.Assertions.assertThrows(
            ConfigException.class,
            () ->
                ConfigLoader.load(
                    Optional.empty(),
                    Map.of(),
                    List.of(
                        "--server.public-url=crm.example.com/path",
                        "--files.store=s3",
                        "--files.store=directory")));
    assertThat(failure.getMessage())
        .contains("server.public-url (from flag --server.public-url) must be an http or https URL")
        .contains("files.directory must name a folder");
  }
}
