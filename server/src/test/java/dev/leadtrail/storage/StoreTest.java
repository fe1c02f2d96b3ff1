package dev.leadtrail.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leadtrail.Leadtrail;
import dev.leadtrail.config.ConfigLoader;
import dev.leadtrail.config.LeadtrailConfig;
import dev.leadtrail.error.ErrorType;
import dev.leadtrail.error.RuleViolationException;
import dev.leadtrail.lead.LeadAttribute;
import dev.leadtrail.org.OrgId;
import dev.leadtrail.testing.TestDatabase;
import dev.leadtrail.user.Caller;
import dev.leadtrail.user.Role;
import dev.leadtrail.user.UserId;
import dev.leadtrail.value.RateClass;
import dev.leadtrail.value.RateLimit;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store behind the services, the same on both dialects; time comes from a fixed clock. */
abstract class StoreTest {

  private static final Instant NOW = Instant.parse("2026-03-04T05:06:07.123Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @TempDir Path folder;
  private TestDatabase database;
  private LeadtrailConfig config;
  private Leadtrail leadtrail;

  protected abstract TestDatabase.Store store();

  @BeforeEach
  void open() {
    database = TestDatabase.of(store(), folder);
    config = ConfigLoader.defaultConfig().withDatabase(database.config());
    leadtrail = Leadtrail.open(config, CLOCK);
  }

  @AfterEach
  void close() throws Exception {
    leadtrail.close();
    database.close();
  }

  @Test
  void reopening_appliesNoMigrationTwiceAndKeepsWhatWasCommitted() {
    var organisation = leadtrail.organisations().create(OrgId.random(), "Durable", "UTC");
    leadtrail.close();

    leadtrail = Leadtrail.open(config, CLOCK);

    assertThat(leadtrail.organisations().find(organisation.id())).contains(organisation);
  }

  @Test
  void shortCodes_areNumbersAllocatedInOrderFrom10001() {
    var first = leadtrail.organisations().create(OrgId.random(), "First", "UTC");
    var second = leadtrail.organisations().create(OrgId.random(), "Second", "Europe/Paris");

    assertThat(first.shortCode()).isEqualTo("10001");
    assertThat(second.shortCode()).isEqualTo("10002");
    assertThat(second.timeZone()).isEqualTo("Europe/Paris");
  }

  @Test
  void anUnknownTimeZone_isRefused() {
    assertThatThrownBy(
            () -> leadtrail.organisations().create(OrgId.random(), "Nowhere", "Mars/Base"))
        .isInstanceOf(RuleViolationException.class)
        .hasMessageContaining("TimeZone");
  }

  @Test
  void userEmails_areUniquePerOrganisationIgnoringCaseButFreeAcrossOrganisations() {
    OrgId first = leadtrail.organisations().create(OrgId.random(), "One", "UTC").id();
    OrgId second = leadtrail.organisations().create(OrgId.random(), "Two", "UTC").id();
    leadtrail.users().create(first, UserId.random(), "Ada", "", "ada@example.com", Role.SALES_USER);

    assertThatThrownBy(
            () ->
                leadtrail
                    .users()
                    .create(first, UserId.random(), "Ada", "", "ADA@example.com", Role.SALES_USER))
        .isInstanceOfSatisfying(
            RuleViolationException.class,
            e -> assertThat(e.type()).isEqualTo(ErrorType.DUPLICATE_ENTRY));
    assertThat(
            leadtrail
                .users()
                .create(second, UserId.random(), "Ada", "", "ada@example.com", Role.SALES_USER)
                .orgId())
        .isEqualTo(second);
  }

  @Test
  void aUserOfAnUnknownOrganisation_isRefused() {
    assertThatThrownBy(
            () ->
                leadtrail
                    .users()
                    .create(
                        OrgId.random(),
                        UserId.random(),
                        "Ada",
                        "",
                        "a@example.com",
                        Role.SALES_USER))
        .isInstanceOfSatisfying(
            RuleViolationException.class,
            e -> assertThat(e.type()).isEqualTo(ErrorType.INVALID_ENTITY));
  }

  @Test
  void writes_areStampedWithTheInjectedClock() {
    OrgId orgId = leadtrail.organisations().create(OrgId.random(), "Clocked", "UTC").id();
    var user =
        leadtrail
            .users()
            .create(orgId, UserId.random(), "Ada", "", "a@example.com", Role.ADMINISTRATOR);
    var caller = new Caller(leadtrail.organisations().find(orgId).orElseThrow(), user);

    var id = leadtrail.leads().create(caller, List.of(new LeadAttribute("FirstName", "Timed")));

    var lead = leadtrail.leads().find(orgId, id).orElseThrow();
    assertThat(lead.createdAt()).isEqualTo(NOW);
    assertThat(lead.modifiedAt()).isEqualTo(NOW);
    assertThat(lead.createdBy()).isEqualTo(user.id());
  }

  @Test
  void anOrganisationsOwnLimits_areKeptAndCanBeReturnedToTheDefault() {
    OrgId orgId = leadtrail.organisations().create(OrgId.random(), "Limited", "UTC").id();

    leadtrail.organisations().setRateLimits(orgId, RateLimit.of(10, 5), RateLimit.of(2, 10));
    var limited = leadtrail.organisations().find(orgId).orElseThrow();
    leadtrail.organisations().setRateLimits(orgId, null, null);
    var restored = leadtrail.organisations().find(orgId).orElseThrow();

    assertThat(limited.ownLimit(RateClass.STANDARD)).contains(RateLimit.of(10, 5));
    assertThat(limited.ownLimit(RateClass.BULK)).contains(RateLimit.of(2, 10));
    assertThat(restored.ownLimit(RateClass.STANDARD)).isEmpty();
    assertThat(restored.ownLimit(RateClass.BULK)).isEmpty();
  }

  @Test
  void theDialect_recognisesAUniqueViolation() {
    OrgId orgId = OrgId.random();
    leadtrail.organisations().create(orgId, "Once", "UTC");

    assertThatThrownBy(() -> leadtrail.organisations().create(orgId, "Twice", "UTC"))
        .isInstanceOfSatisfying(
            RuleViolationException.class,
            e -> assertThat(e.type()).isEqualTo(ErrorType.DUPLICATE_ENTRY));
  }
}
