package dev.leadtrail.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadtrail.config.LeadtrailConfig;
import dev.leadtrail.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The same rules with {@code files.store: directory}: the bytes live in files, not rows. */
class DirectoryFileApiTest extends FileApiTest {

  private Path directory;

  @Override
  protected TestDatabase.Store store() {
    return TestDatabase.Store.SQLITE;
  }

  @Override
  protected LeadtrailConfig configure(LeadtrailConfig config) {
    try {
      directory = Files.createTempDirectory("leadtrail-files");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var files = config.files();
    return super.configure(
        config.withFiles(
            new LeadtrailConfig.Files(
                LeadtrailConfig.FileStore.DIRECTORY,
                directory,
                files.maxBytes(),
                files.temporaryFor(),
                files.fetchTries(),
                files.firstRetry())));
  }

  @Test
  void upload_keepsTheBytesInTheDirectoryUnderTheStoredNameOnly() throws Exception {
    var tenant = server.newTenant("Directory");
    String name = uploadedName(tenant, "notes.txt", "kept on disk".getBytes());

    Path kept = directory.resolve(tenant.orgId().value()).resolve(name);
    assertThat(kept).hasContent("kept on disk");
    assertThat(database.queryString("SELECT COUNT(*) FROM files WHERE content IS NULL"))
        .isNotEqualTo("0");
    try (Stream<Path> all = Files.walk(directory)) {
      assertThat(all.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
          .allMatch(FileNames::isStoredName);
    }
  }
}
