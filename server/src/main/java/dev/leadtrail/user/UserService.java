package dev.leadtrail.user;

import dev.leadtrail.error.ErrorType;
import dev.leadtrail.error.RuleViolationException;
import dev.leadtrail.org.OrgId;
import dev.leadtrail.org.OrganisationService;
import dev.leadtrail.storage.Database;
import dev.leadtrail.value.EmailAddress;
import dev.leadtrail.value.Guid;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Creates and deactivates users. Thread-safe. */
public final class UserService {

  private final Database database;
  private final UserRepository users;
  private final OrganisationService organisations;
  private final Clock clock;
  private final Runnable accessChanged;

  /** {@code accessChanged} runs after a user is deactivated, for callers held in memory. */
  public UserService(
      Database database, OrganisationService organisations, Clock clock, Runnable accessChanged) {
    this.database = database;
    this.users = new UserRepository(database);
    this.organisations = organisations;
    this.clock = clock;
    this.accessChanged = accessChanged;
  }

  public User create(
      OrgId orgId, UserId id, String firstName, String lastName, String email, Role role) {
    if (firstName == null || firstName.isBlank()) {
      throw RuleViolationException.invalidInput("FirstName", "A user needs a first name.");
    }
    var address =
        EmailAddress.parse(email)
            .orElseThrow(
                () -> RuleViolationException.invalidInput("EmailAddress", "Not an email address."));
    var user =
        new User(
            orgId,
            id,
            firstName.strip(),
            lastName == null ? "" : lastName.strip(),
            address.value(),
            role,
            true);
    return database.write(
        () -> {
          if (organisations.find(orgId).isEmpty()) {
            throw new RuleViolationException(
                ErrorType.INVALID_ENTITY, "Organisation " + orgId + " does not exist");
          }
          database.writeUnique(
              () -> users.insert(user, clock.instant()),
              () -> "A user with id " + id + " or email " + user.email() + " already exists");
          return user;
        });
  }

  public Optional<User> find(OrgId orgId, UserId id) {
    return database.read(() -> users.find(orgId, id));
  }

  /** The user a user id or an email address names, active or not. */
  public Optional<User> findByIdOrEmail(OrgId orgId, String idOrEmail) {
    return database.read(
        () ->
            Guid.isGuid(idOrEmail)
                ? users.find(orgId, new UserId(idOrEmail))
                : EmailAddress.parse(idOrEmail).flatMap(email -> users.findByEmail(orgId, email)));
  }

  /** The caller a key of this user proves, if the user and its organisation exist. */
  public Optional<Caller> caller(OrgId orgId, UserId id) {
    return database.read(
        () ->
            users
                .find(orgId, id)
                .flatMap(user -> organisations.find(orgId).map(org -> new Caller(org, user))));
  }

  /** Every user of the organisation, active or not. */
  public List<User> list(OrgId orgId) {
    return database.read(() -> users.list(orgId));
  }

  /**
   * A deactivated user's keys stop working at once on this instance, and on others within {@link
   * dev.leadtrail.auth.Authenticator#HELD_FOR}.
   */
  public void deactivate(OrgId orgId, UserId id) {
    boolean found = database.write(() -> users.setActive(orgId, id, false));
    accessChanged.run();
    if (!found) {
      throw new RuleViolationException(
          ErrorType.INVALID_ENTITY, "User " + id + " does not exist in organisation " + orgId);
    }
  }
}
