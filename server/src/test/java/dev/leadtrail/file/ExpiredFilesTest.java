package dev.leadtrail.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leadtrail.Leadtrail;
import dev.leadtrail.config.ConfigLoader;
import dev.leadtrail.error.FileNotFoundException;
import dev.leadtrail.org.OrgId;
import dev.leadtrail.testing.TestDatabase;
import dev.leadtrail.user.Caller;
import dev.leadtrail.user.Role;
import dev.leadtrail.user.UserId;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Temporary files are served until their time is up, then deleted. */
class ExpiredFilesTest {

  @TempDir Path folder;

  /** A clock the test moves by hand. */
  private static final class MovingClock extends Clock {
    private Instant now = Instant.parse("2030-01-01T00:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  private static FileUpload temporary(String name) {
    return new FileUpload(
        name,
        "text/plain",
        new byte[] {1, 2, 3},
        FileKind.DOCUMENT,
        FileEntity.LEAD,
        null,
        "",
        true);
  }

  @Test
  void anExpiredFileIsMissing_thenDeleted_whileOneExpiringLaterStays() throws Exception {
    var clock = new MovingClock();
    try (TestDatabase database = TestDatabase.sqlite(folder);
        Leadtrail leadtrail =
            Leadtrail.open(ConfigLoader.defaultConfig().withDatabase(database.config()), clock)) {
      var org = leadtrail.organisations().create(OrgId.random(), "Expiry", "UTC");
      var user =
          leadtrail
              .users()
              .create(
                  org.id(),
                  UserId.random(),
                  "Ada",
                  "Lovelace",
                  "ada@x.example",
                  Role.ADMINISTRATOR);
      var caller = new Caller(org, user);
      FileService files = leadtrail.files();
      StoredFile passing = files.upload(caller, temporary("passing.txt"));
      StoredFile later = files.upload(caller, temporary("later.txt"));

      clock.advance(Duration.ofHours(23));
      database.execute(
          "UPDATE files SET expires_at = expires_at + 7200000 WHERE name = '" + later.name() + "'");
      assertThat(files.download(org.id(), passing.name()).file().name()).isEqualTo(passing.name());

      clock.advance(Duration.ofHours(2));
      assertThatThrownBy(() -> files.download(org.id(), passing.name()))
          .isInstanceOf(FileNotFoundException.class);
      assertThat(files.deleteExpired(10)).isEqualTo(1);
      assertThat(database.queryString("SELECT COUNT(*) FROM files")).isEqualTo("1");
      assertThat(files.present(org.id(), Set.of(later.name(), passing.name())))
          .containsExactly(later.name());
    }
  }
}
