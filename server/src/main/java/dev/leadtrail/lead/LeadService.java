package dev.leadtrail.lead;

import dev.leadtrail.error.ErrorType;
import dev.leadtrail.error.RuleViolationException;
import dev.leadtrail.org.OrgId;
import dev.leadtrail.storage.Database;
import dev.leadtrail.storage.RowLock;
import dev.leadtrail.user.Caller;
import dev.leadtrail.user.User;
import dev.leadtrail.user.UserService;
import dev.leadtrail.value.EmailAddress;
import dev.leadtrail.webhook.WebhookEvent;
import dev.leadtrail.webhook.WebhookOutbox;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/** Creates, changes and finds leads; each write is one transaction. Thread-safe. */
public final class LeadService {

  private final Database database;
  private final LeadRepository leads;
  private final UserService users;
  private final WebhookOutbox outbox;
  private final Clock clock;

  private LeadService(
      Database database,
      LeadRepository leads,
      UserService users,
      WebhookOutbox outbox,
      Clock clock) {
    this.database = database;
    this.leads = leads;
    this.users = users;
    this.outbox = outbox;
    this.clock = clock;
  }

  public static LeadService create(
      Database database, UserService users, WebhookOutbox outbox, Clock clock) {
    return new LeadService(database, new LeadRepository(database), users, outbox, clock);
  }

  public LeadId create(Caller caller, List<LeadAttribute> attributes) {
    return database.write(() -> insert(caller, attributes));
  }

  /**
   * Updates the lead found by the details' {@code SearchBy}, or creates one when there is none;
   * within a write, as part of it.
   */
  public LeadId createOrUpdate(Caller caller, LeadDetails details) {
    List<LeadAttribute> attributes = details.attributes();
    SearchBy searchBy = details.searchBy();
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
        () -> {
          serializeLookup(caller.orgId(), searchBy, wanted);
          Optional<Lead> existing = findBy(caller.orgId(), searchBy, wanted, RowLock.FOR_UPDATE);
          if (existing.isEmpty()) {
            return insert(caller, attributes);
          }
          change(caller, existing.get(), attributes);
          return existing.get().id();
        });
  }

  /** What a capture did: the lead, and whether it was made now. */
  public record Captured(LeadId id, boolean created) {}

  /**
   * {@code Lead.Capture}, as LeadSquared documents it: the lead is found by {@code SearchBy} when
   * given (unless ProspectID, EmailAddress and Phone all are), else by ProspectID (when its address
   * matches, or none is given), then EmailAddress, then Phone; found, it is updated as the behavior
   * says; else one is created. One write.
   */
  public Captured capture(Caller caller, LeadCapture capture) {
    String email = capture.value(LeadAttributeRules.EMAIL);
    String phone = capture.value(LeadAttributeRules.PHONE);
    return database.write(
        () -> {
          OrgId orgId = caller.orgId();
          if (email != null) {
            serializeLookup(orgId, SearchBy.EMAIL_ADDRESS, email);
          }
          Optional<Lead> match = captureMatch(orgId, capture, email, phone);
          if (match.isEmpty()) {
            return new Captured(insert(caller, capture.attributes()), true);
          }
          Lead lead = match.get();
          List<LeadAttribute> changes =
              switch (capture.behavior()) {
                case UPDATE -> capture.attributes();
                case DO_NOT_UPDATE -> List.of();
                case UPDATE_ONLY_EMPTY_FIELDS ->
                    capture.attributes().stream()
                        .filter(a -> lead.attribute(a.name()).orElse("").isEmpty())
                        .toList();
                case DO_NOT_UPDATE_UNIQUE_FIELDS ->
                    capture.attributes().stream()
                        .filter(
                            a ->
                                !a.name().equalsIgnoreCase(LeadAttributeRules.EMAIL)
                                    && !a.name().equalsIgnoreCase(LeadAttributeRules.PHONE))
                        .toList();
              };
          if (!changes.isEmpty()) {
            change(caller, lead, changes);
          }
          return new Captured(lead.id(), false);
        });
  }

  private Optional<Lead> captureMatch(
      OrgId orgId, LeadCapture capture, String email, String phone) {
    boolean allKeys = capture.prospectId() != null && email != null && phone != null;
    if (capture.searchBy() != null && !allKeys) {
      String wanted = capture.value(capture.searchBy().attribute());
      if (wanted == null) {
        throw RuleViolationException.invalidInput(
            capture.searchBy().attribute(), "SearchBy names it, so it needs a value.");
      }
      return findBy(orgId, capture.searchBy(), wanted, RowLock.FOR_UPDATE);
    }
    if (capture.prospectId() != null) {
      Optional<Lead> byId = leads.find(orgId, capture.prospectId(), RowLock.FOR_UPDATE);
      if (byId.isPresent()) {
        boolean sameAddress =
            email == null
                || byId.get()
                    .attribute(LeadAttributeRules.EMAIL)
                    .orElse("")
                    .equalsIgnoreCase(email);
        return sameAddress ? byId : Optional.empty();
      }
    }
    if (email != null) {
      Optional<Lead> byEmail = findBy(orgId, SearchBy.EMAIL_ADDRESS, email, RowLock.FOR_UPDATE);
      if (byEmail.isPresent()) {
        return byEmail;
      }
    }
    return phone == null
        ? Optional.empty()
        : findBy(orgId, SearchBy.PHONE, phone, RowLock.FOR_UPDATE);
  }

  /**
   * {@code Lead.Convert}: LeadSquared turns a tracked visitor into a lead. Leadtrail tracks no
   * visitors, so every lead it holds is a lead already: converting one changes nothing, and an id
   * that names no lead of the organisation is an invalid entity.
   */
  public void convert(OrgId orgId, LeadId id) {
    requireLead(orgId, id);
  }

  public void update(Caller caller, LeadId id, List<LeadAttribute> attributes) {
    database.write(
        () -> {
          Lead lead =
              leads
                  .find(caller.orgId(), id, RowLock.FOR_UPDATE)
                  .orElseThrow(
                      () ->
                          new RuleViolationException(
                              ErrorType.INVALID_ENTITY, "Lead does not exist in the system"));
          change(caller, lead, attributes);
          return null;
        });
  }

  public Optional<Lead> find(OrgId orgId, LeadId id) {
    return database.read(() -> leads.find(orgId, id, RowLock.NONE));
  }

  /**
   * The lead fields of the organisation: the standard ones, then the custom ones its leads hold, by
   * name (leads take any {@code mx_} attribute, so these are the ones in use).
   */
  public List<LeadField> fields(OrgId orgId) {
    List<LeadField> fields = new ArrayList<>(LeadField.STANDARD);
    database.read(() -> leads.customAttributeNames(orgId)).stream()
        .filter(name -> !LeadAttributeRules.STANDARD.contains(name))
        .sorted(String.CASE_INSENSITIVE_ORDER)
        .map(LeadField::custom)
        .forEach(fields::add);
    return fields;
  }

  /** The most leads a quick search answers. */
  public static final int QUICK_SEARCH_LIMIT = 100;

  private static final int QUICK_SEARCH_KEY_LENGTH = 100;

  /**
   * Leads whose first name, last name, whole name ("First Last"), email address or phone starts
   * with {@code key}, ignoring case; {@code %} and {@code _} in the key are plain characters. At
   * most {@link #QUICK_SEARCH_LIMIT}, oldest first.
   */
  public List<Lead> quickSearch(OrgId orgId, String key) {
    String trimmed = key == null ? "" : key.strip();
    if (trimmed.isEmpty() || trimmed.length() > QUICK_SEARCH_KEY_LENGTH) {
      throw RuleViolationException.invalidInput(
          "key", "Search with 1 to " + QUICK_SEARCH_KEY_LENGTH + " characters.");
    }
    return database.read(() -> leads.quickSearch(orgId, trimmed, QUICK_SEARCH_LIMIT));
  }

  public Optional<Lead> findByEmail(OrgId orgId, String email) {
    return EmailAddress.parse(email)
        .flatMap(address -> database.read(() -> leads.findByEmail(orgId, address, RowLock.NONE)));
  }

  /**
   * The lead an activity is posted on; one that is not in the organisation is an invalid entity.
   */
  public Lead requireLead(OrgId orgId, LeadId id) {
    return database.read(
        () ->
            leads
                .find(orgId, id, RowLock.NONE)
                .orElseThrow(
                    () ->
                        new RuleViolationException(
                            ErrorType.INVALID_ENTITY, "Lead does not exist in the system")));
  }

  /**
   * The lead with this email address, or a new one made from the attributes; within a write, as
   * part of it.
   */
  public LeadId findOrCreate(Caller caller, EmailAddress email, List<LeadAttribute> attributes) {
    return database.write(
        () -> {
          serializeLookup(caller.orgId(), SearchBy.EMAIL_ADDRESS, email.key());
          return leads
              .findByEmail(caller.orgId(), email, RowLock.FOR_UPDATE)
              .map(Lead::id)
              .orElseGet(() -> insert(caller, attributes));
        });
  }

  /**
   * Two transactions looking up one new lead must not both find none and both create it: each waits
   * for the other's lookup-and-insert under the value it looks up.
   */
  private void serializeLookup(OrgId orgId, SearchBy searchBy, String value) {
    database.serialize(
        "lead:" + orgId.value() + ":" + searchBy + ":" + value.strip().toLowerCase(Locale.ROOT));
  }

  /** Adds an activity's score to its lead; within a write, as part of it. */
  public void addScore(OrgId orgId, LeadId id, int points) {
    if (points != 0) {
      database.write(
          () -> {
            leads.addScore(orgId, id, points);
            return null;
          });
    }
  }

  private LeadId insert(Caller caller, List<LeadAttribute> attributes) {
    Map<String, String> values = merged(caller.orgId(), Map.of(), attributes);
    values.putIfAbsent(LeadAttributeRules.OWNER, caller.userId().value());
    Instant now = clock.instant();
    var lead =
        new Lead(
            caller.orgId(), LeadId.random(), values, 0, now, caller.userId(), now, caller.userId());
    requireOwnPhone(caller, lead.id(), values);
    database.writeUnique(() -> leads.insert(lead), LeadService::duplicateEmail);
    owe(WebhookEvent.LEAD_CREATE, lead, () -> LeadRow.of(lead));
    return lead.id();
  }

  private void change(Caller caller, Lead lead, List<LeadAttribute> attributes) {
    Map<String, String> values = merged(caller.orgId(), lead.attributes(), attributes);
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
    if (!Objects.equals(
        values.get(LeadAttributeRules.PHONE), lead.attributes().get(LeadAttributeRules.PHONE))) {
      requireOwnPhone(caller, lead.id(), values);
    }
    database.writeUnique(() -> leads.update(changed), LeadService::duplicateEmail);
    owe(WebhookEvent.LEAD_UPDATE, changed, () -> updatePayload(lead, changed));
  }

  /** Within the write: the events the lead's webhooks are owed. */
  private void owe(WebhookEvent event, Lead lead, Supplier<Map<String, Object>> payload) {
    WebhookOutbox.Owed owed = outbox.owed(lead.orgId(), event, 0, lead.id().value(), payload);
    outbox.add(owed);
  }

  /** A lead update's webhook body: the lead, with the values it changed as Before and After. */
  private static Map<String, Object> updatePayload(Lead before, Lead after) {
    Map<String, Object> payload = LeadRow.of(after);
    Map<String, String> was = new LinkedHashMap<>();
    Map<String, String> now = new LinkedHashMap<>();
    Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    names.addAll(before.attributes().keySet());
    names.addAll(after.attributes().keySet());
    for (String name : names) {
      String old = before.attributes().getOrDefault(name, "");
      String changed = after.attributes().getOrDefault(name, "");
      if (!old.equals(changed)) {
        was.put(name, old);
        now.put(name, changed);
      }
    }
    payload.put("Before", was);
    payload.put("After", now);
    return payload;
  }

  /**
   * Within the write: unless the organisation lets leads share phones, no other lead may have the
   * phone these values give (the same text; a lead without a phone is never refused).
   */
  private void requireOwnPhone(Caller caller, LeadId self, Map<String, String> values) {
    String phone = values.get(LeadAttributeRules.PHONE);
    if (phone == null || phone.isEmpty() || caller.organisation().sharedPhones()) {
      return;
    }
    serializeLookup(caller.orgId(), SearchBy.PHONE, phone);
    boolean taken =
        leads.findByPhone(caller.orgId(), phone, RowLock.FOR_UPDATE).stream()
            .anyMatch(other -> !other.id().equals(self));
    if (taken) {
      throw new RuleViolationException(
          ErrorType.DUPLICATE_ENTRY, "A Lead with same Phone Number already exists.");
    }
  }

  private Optional<Lead> findBy(OrgId orgId, SearchBy searchBy, String value, RowLock lock) {
    return switch (searchBy) {
      case EMAIL_ADDRESS ->
          EmailAddress.parse(value).flatMap(address -> leads.findByEmail(orgId, address, lock));
      case PHONE -> leads.findByPhone(orgId, value, lock).stream().findFirst();
    };
  }

  /**
   * The lead whose {@code searchBy} attribute is {@code value} (the oldest, when several share a
   * phone); none is an invalid entity.
   */
  public Lead requireLeadBy(OrgId orgId, SearchBy searchBy, String value) {
    return database
        .read(() -> findBy(orgId, searchBy, value.strip(), RowLock.NONE))
        .orElseThrow(
            () ->
                new RuleViolationException(
                    ErrorType.INVALID_ENTITY, "Lead does not exist in the system"));
  }

  /** The lead's attributes after the changes, every name and value checked. */
  private Map<String, String> merged(
      OrgId orgId, Map<String, String> existing, List<LeadAttribute> changes) {
    Map<String, String> values = new HashMap<>(existing);
    Set<String> seen = new HashSet<>();
    for (LeadAttribute change : changes) {
      String name = LeadAttributeRules.canonicalName(change.name(), values);
      if (!seen.add(name.toLowerCase(Locale.ROOT))) {
        throw RuleViolationException.invalidInput(name, "The attribute is given more than once.");
      }
      String value = LeadAttributeRules.checkedValue(name, change.value());
      if (name.equals(LeadAttributeRules.OWNER) && !value.isEmpty()) {
        value = activeUser(orgId, value).id().value();
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
  private User activeUser(OrgId orgId, String idOrEmail) {
    return users
        .findByIdOrEmail(orgId, idOrEmail)
        .filter(User::active)
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
