package dev.leadtrail.lead;

import dev.leadtrail.error.ErrorType;
import dev.leadtrail.error.RuleViolationException;
import dev.leadtrail.org.OrgId;
import dev.leadtrail.storage.Database;
import dev.leadtrail.storage.RowLock;
import dev.leadtrail.user.Caller;
import dev.leadtrail.user.User;
import dev.leadtrail.user.UserId;
import dev.leadtrail.user.UserRepository;
import dev.leadtrail.value.EmailAddress;
import dev.leadtrail.value.Guid;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/** Creates, changes and finds leads; each write is one transaction. Thread-safe. */
public final class LeadService {

  private final Database database;
  private final LeadRepository leads;
  private final UserRepository users;
  private final Clock clock;

  private LeadService(Database database, LeadRepository leads, UserRepository users, Clock clock) {
    this.database = database;
    this.leads = leads;
    this.users = users;
    this.clock = clock;
  }

  public static LeadService create(Database database, UserRepository users, Clock clock) {
    return new LeadService(database, new LeadRepository(database.dialect()), users, clock);
  }

  public LeadId create(Caller caller, List<LeadAttribute> attributes) {
    return database.write(handle -> insert(handle, caller, attributes));
  }

  /** Updates the lead found by {@code searchBy}, or creates one when there is none. */
  public LeadId createOrUpdate(Caller caller, List<LeadAttribute> attributes, SearchBy searchBy) {
    String wanted =
        attributes.stream()
            .filter(a -> a.name().equalsIgnoreCase(searchBy.attribute()))
            .map(a -> a.value().strip())
            .filter(v -> !v.isEmpty())
            .findFirst()
            .orElseThrow(
                () ->
                    RuleViolationException.invalidInput(
                        searchBy.attribute(), "SearchBy names it, so it needs a value."));
    return database.write(
        handle -> {
          serializeLookup(handle, caller.orgId(), searchBy, wanted);
          Optional<Lead> existing = findBy(handle, caller.orgId(), searchBy, wanted);
          if (existing.isEmpty()) {
            return insert(handle, caller, attributes);
          }
          change(handle, caller, existing.get(), attributes);
          return existing.get().id();
        });
  }

  public void update(Caller caller, LeadId id, List<LeadAttribute> attributes) {
    database.write(
        handle -> {
          Lead lead =
              leads
                  .find(handle, caller.orgId(), id, RowLock.FOR_UPDATE)
                  .orElseThrow(
                      () ->
                          new RuleViolationException(
                              ErrorType.INVALID_ENTITY, "Lead does not exist in the system"));
          change(handle, caller, lead, attributes);
          return null;
        });
  }

  public Optional<Lead> find(OrgId orgId, LeadId id) {
    return database.read(handle -> leads.find(handle, orgId, id, RowLock.NONE));
  }

  public Optional<Lead> findByEmail(OrgId orgId, String email) {
    return EmailAddress.parse(email)
        .flatMap(
            address ->
                database.read(handle -> leads.findByEmail(handle, orgId, address, RowLock.NONE)));
  }

  /**
   * The lead an activity is posted on, within the caller's transaction; one that is not in the
   * organisation is an invalid entity.
   */
  public Lead requireLead(Handle handle, OrgId orgId, LeadId id) {
    return leads
        .find(handle, orgId, id, RowLock.NONE)
        .orElseThrow(
            () ->
                new RuleViolationException(
                    ErrorType.INVALID_ENTITY, "Lead does not exist in the system"));
  }

  /**
   * The lead with this email address, or a new one made from the attributes, within the caller's
   * transaction.
   */
  public LeadId findOrCreate(
      Handle handle, Caller caller, EmailAddress email, List<LeadAttribute> attributes) {
    serializeLookup(handle, caller.orgId(), SearchBy.EMAIL_ADDRESS, email.key());
    return leads
        .findByEmail(handle, caller.orgId(), email, RowLock.FOR_UPDATE)
        .map(Lead::id)
        .orElseGet(() -> insert(handle, caller, attributes));
  }

  /**
   * Two transactions looking up one new lead must not both find none and both create it: each waits
   * for the other's lookup-and-insert under the value it looks up.
   */
  private void serializeLookup(Handle handle, OrgId orgId, SearchBy searchBy, String value) {
    database
        .dialect()
        .serialize(
            handle,
            "lead:"
                + orgId.value()
                + ":"
                + searchBy
                + ":"
                + value.strip().toLowerCase(Locale.ROOT));
  }

  /** Adds an activity's score to its lead, within the caller's transaction. */
  public void addScore(Handle handle, OrgId orgId, LeadId id, int points) {
    if (points != 0) {
      leads.addScore(handle, orgId, id, points);
    }
  }

  private LeadId insert(Handle handle, Caller caller, List<LeadAttribute> attributes) {
    Map<String, String> values = merged(handle, caller.orgId(), Map.of(), attributes);
    values.putIfAbsent(LeadAttributeRules.OWNER, caller.userId().value());
    Instant now = clock.instant();
    var lead =
        new Lead(
            caller.orgId(), LeadId.random(), values, 0, now, caller.userId(), now, caller.userId());
    database.writeUnique(() -> leads.insert(handle, lead), LeadService::duplicateEmail);
    return lead.id();
  }

  private void change(Handle handle, Caller caller, Lead lead, List<LeadAttribute> attributes) {
    Map<String, String> values = merged(handle, caller.orgId(), lead.attributes(), attributes);
    var changed =
        new Lead(
            lead.orgId(),
            lead.id(),
            values,
            lead.score(),
            lead.createdAt(),
            lead.createdBy(),
            clock.instant(),
            caller.userId());
    database.writeUnique(() -> leads.update(handle, changed), LeadService::duplicateEmail);
  }

  private Optional<Lead> findBy(Handle handle, OrgId orgId, SearchBy searchBy, String value) {
    return switch (searchBy) {
      case EMAIL_ADDRESS ->
          EmailAddress.parse(value)
              .flatMap(address -> leads.findByEmail(handle, orgId, address, RowLock.FOR_UPDATE));
      case PHONE ->
          leads.findByPhone(handle, orgId, value, RowLock.FOR_UPDATE).stream().findFirst();
    };
  }

  /** The lead's attributes after the changes, every name and value checked. */
  private Map<String, String> merged(
      Handle handle, OrgId orgId, Map<String, String> existing, List<LeadAttribute> changes) {
    Map<String, String> values = new HashMap<>(existing);
    Set<String> seen = new HashSet<>();
    for (LeadAttribute change : changes) {
      String name = LeadAttributeRules.canonicalName(change.name(), values);
      if (!seen.add(name.toLowerCase(Locale.ROOT))) {
        throw RuleViolationException.invalidInput(name, "The attribute is given more than once.");
      }
      String value = LeadAttributeRules.checkedValue(name, change.value());
      if (name.equals(LeadAttributeRules.OWNER) && !value.isEmpty()) {
        value = activeUser(handle, orgId, value).id().value();
      }
      if (value.isEmpty()) {
        values.remove(name);
      } else {
        values.put(name, value);
      }
    }
    if (LeadAttributeRules.IDENTIFYING.stream().noneMatch(values::containsKey)) {
      throw new RuleViolationException(
          ErrorType.MANDATORY_ATTRIBUTE_MISSING,
          "A lead needs at least one of "
              + String.join(", ", LeadAttributeRules.IDENTIFYING)
              + ".");
    }
    return values;
  }

  /** An active user of the organisation, named by id or by email address. */
  private User activeUser(Handle handle, OrgId orgId, String idOrEmail) {
    Optional<User> user =
        Guid.isGuid(idOrEmail)
            ? users.find(handle, orgId, new UserId(idOrEmail))
            : EmailAddress.parse(idOrEmail)
                .flatMap(email -> users.findByEmail(handle, orgId, email));
    return user.filter(User::active)
        .orElseThrow(
            () ->
                RuleViolationException.invalidInput(
                    LeadAttributeRules.OWNER,
                    "No active user of the organisation is " + idOrEmail + "."));
  }

  private static String duplicateEmail() {
    return "A Lead with same Email Address already exists.";
  }
}
