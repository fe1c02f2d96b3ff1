package dev.leadtrail.org;

import dev.leadtrail.error.ErrorType;
import dev.leadtrail.error.RuleViolationException;
import dev.leadtrail.storage.Database;
import dev.leadtrail.value.RateLimit;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

/** Creates and configures organisations. Thread-safe. */
public final class OrganisationService {

  private final Database database;
  private final OrganisationRepository organisations;
  private final Clock clock;
  private final Runnable accessChanged;

  /**
   * {@code accessChanged} runs after an organisation's limits change, for callers held in memory.
   */
  public OrganisationService(Database database, Clock clock, Runnable accessChanged) {
    this.database = database;
    this.organisations = new OrganisationRepository(database);
    this.clock = clock;
    this.accessChanged = accessChanged;
  }

  public Organisation create(OrgId id, String displayName, String timeZone) {
    if (displayName == null || displayName.isBlank()) {
      throw RuleViolationException.invalidInput("DisplayName", "An organisation needs a name.");
    }
    try {
      ZoneId.of(timeZone);
    } catch (DateTimeException e) {
      throw RuleViolationException.invalidInput("TimeZone", "Unknown time zone " + timeZone + ".");
    }
    return database.write(
        () -> {
          database.serialize("organisation-short-codes");
          var organisation =
              new Organisation(
                  id,
                  organisations.nextShortCode(),
                  displayName.strip(),
                  timeZone,
                  null,
                  null,
                  false);
          database.writeUnique(
              () -> organisations.insert(organisation, clock.instant()),
              () -> "Organisation " + id + " already exists");
          return organisation;
        });
  }

  public Optional<Organisation> find(OrgId id) {
    return database.read(() -> organisations.find(id));
  }

  /** Gives the organisation limits of its own; a null limit restores the server's default. */
  public void setRateLimits(OrgId id, RateLimit standard, RateLimit bulk) {
    boolean found = database.write(() -> organisations.setRateLimits(id, standard, bulk));
    accessChanged.run();
    if (!found) {
      throw unknown(id);
    }
  }

  /**
   * Whether the organisation's leads may share a phone number; by default they may not, as in
   * LeadSquared.
   */
  public void setSharedPhones(OrgId id, boolean shared) {
    boolean found = database.write(() -> organisations.setSharedPhones(id, shared));
    accessChanged.run();
    if (!found) {
      throw unknown(id);
    }
  }

  private static RuleViolationException unknown(OrgId id) {
    return new RuleViolationException(
        ErrorType.INVALID_ENTITY, "Organisation " + id + " does not exist");
  }
}
