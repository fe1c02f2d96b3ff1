package dev.leadtrail.activitytype;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.leadtrail.activitytype.ActivityTypeRepository.StoredType;
import dev.leadtrail.error.ErrorType;
import dev.leadtrail.error.RuleViolationException;
import dev.leadtrail.org.OrgId;
import dev.leadtrail.storage.Database;
import dev.leadtrail.user.Caller;
import dev.leadtrail.user.Role;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Defines activity types and their fields (contract section 5.8). Thread-safe. */
public final class ActivityTypeService {

  private static final Pattern CUSTOM_FIELD =
      Pattern.compile("mx_Custom_([1-9][0-9]?)", Pattern.CASE_INSENSITIVE);
  private static final Pattern SUB_FIELD =
      Pattern.compile("mx_CustomObject_([1-9][0-9]?)", Pattern.CASE_INSENSITIVE);
  private static final int MAX_NAME_LENGTH = 100;

  private static final int TYPES_HELD = 10_000;

  private record TypeKey(OrgId orgId, ActivityTypeId id) {}

  private final Database database;
  private final ActivityTypeRepository types;
  private final Clock clock;
  private final Cache<TypeKey, StoredType> recentlyRead =
      Caffeine.newBuilder().maximumSize(TYPES_HELD).build();

  private ActivityTypeService(Database database, ActivityTypeRepository types, Clock clock) {
    this.database = database;
    this.types = types;
    this.clock = clock;
  }

  public static ActivityTypeService create(Database database, Clock clock) {
    return new ActivityTypeService(database, new ActivityTypeRepository(database), clock);
  }

  /** Creates a type; answers it with its newly allocated event code. */
  public ActivityType create(Caller caller, ActivityTypeDraft draft) {
    return create(caller, draft, null);
  }

  /**
   * Creates a type under a chosen event code, as the demo organisation's type 313 is made; null
   * allocates the next free one.
   */
  public ActivityType create(Caller caller, ActivityTypeDraft draft, Integer eventCode) {
    requireAdministrator(caller);
    if (draft.name() == null) {
      throw new RuleViolationException(
          ErrorType.MANDATORY_ATTRIBUTE_MISSING, "ActivityEventName is mandatory.");
    }
    List<FieldDefinition> fields = definitions(draft.fields() == null ? List.of() : draft.fields());
    return database.write(
        () -> {
          database.serialize("activity-types:" + caller.orgId().value());
          var type =
              ActivityTypeBuilder.builder()
                  .orgId(caller.orgId())
                  .id(ActivityTypeId.random())
                  .eventCode(eventCode == null ? types.nextEventCode(caller.orgId()) : eventCode)
                  .name(name(draft.name()))
                  .score(orElse(draft.score(), 0))
                  .description(orElse(draft.description(), "").strip())
                  .direction(direction(orElse(draft.direction(), 0)))
                  .trackLocation(orElse(draft.trackLocation(), false))
                  .allowAttachments(orElse(draft.allowAttachments(), false))
                  .showInActivityGrid(orElse(draft.showInActivityGrid(), true))
                  .canDeleteActivity(orElse(draft.canDeleteActivity(), true))
                  .active(orElse(draft.active(), true))
                  .fields(fields)
                  .build();
          database.writeUnique(
              () -> types.insert(type, clock.instant()), () -> duplicateName(type.name()));
          return type;
        });
  }

  /** Changes what the draft names; fields, when given, become the type's whole set. */
  public ActivityType update(Caller caller, ActivityTypeId id, ActivityTypeDraft draft) {
    requireAdministrator(caller);
    List<FieldDefinition> newFields = draft.fields() == null ? null : definitions(draft.fields());
    return database.write(
        () -> {
          ActivityType old =
              types
                  .findById(caller.orgId(), id)
                  .map(StoredType::type)
                  .orElseThrow(
                      () ->
                          new RuleViolationException(
                              ErrorType.INVALID_ACTIVITY,
                              "Activity type " + id + " does not exist."));
          var changed =
              old.with()
                  .name(draft.name() == null ? old.name() : name(draft.name()))
                  .score(orElse(draft.score(), old.score()))
                  .description(orElse(draft.description(), old.description()).strip())
                  .direction(direction(orElse(draft.direction(), old.direction())))
                  .trackLocation(orElse(draft.trackLocation(), old.trackLocation()))
                  .allowAttachments(orElse(draft.allowAttachments(), old.allowAttachments()))
                  .showInActivityGrid(orElse(draft.showInActivityGrid(), old.showInActivityGrid()))
                  .canDeleteActivity(orElse(draft.canDeleteActivity(), old.canDeleteActivity()))
                  .active(orElse(draft.active(), old.active()))
                  .fields(newFields == null ? old.fields() : newFields)
                  .build();
          database.writeUnique(
              () -> types.update(changed, clock.instant()), () -> duplicateName(changed.name()));
          return changed;
        });
  }

  /**
   * Adds ({@code push}) or removes dropdown options of a type's field, or of a dropdown sub-field
   * of a custom field set named {@code mx_Custom_4~mx_CustomObject_1}; answers how many options
   * changed. An option already there is not added twice; one not there is not removed.
   */
  public int changeOptions(
      Caller caller, int eventCode, String fieldName, List<String> values, boolean push) {
    requireAdministrator(caller);
    if (values.isEmpty()) {
      throw RuleViolationException.invalidInput("Options", "Give at least one option value.");
    }
    for (String value : values) {
      if (value.isBlank() || value.length() > DropdownOption.MAX_LENGTH) {
        throw RuleViolationException.invalidInput(
            "Options", "An option value has 1 to " + DropdownOption.MAX_LENGTH + " characters.");
      }
    }
    String[] names = fieldName.strip().split("~", 2);
    return database.write(
        () -> {
          ActivityType old =
              types
                  .findByEventCode(caller.orgId(), eventCode)
                  .orElseThrow(() -> unknownEventCode(eventCode));
          FieldDefinition field = requireField(old, names[0]);
          FieldDefinition target = names.length == 1 ? field : requireSubField(field, names[1]);
          if (!target.dataType().isDropdown()) {
            throw RuleViolationException.invalidInput(
                "fieldName", fieldName.strip() + " is not a dropdown.");
          }
          List<DropdownOption> options = new ArrayList<>(target.options());
          int changed = 0;
          for (String value : values) {
            String wanted = value.strip();
            boolean present = options.stream().anyMatch(o -> o.value().equalsIgnoreCase(wanted));
            if (push && !present) {
              options.add(new DropdownOption(wanted, wanted, false, options.size()));
              changed++;
            } else if (!push && present) {
              options.removeIf(o -> o.value().equalsIgnoreCase(wanted));
              changed++;
            }
          }
          FieldDefinition changedTarget =
              FieldDefinitionBuilder.builder(target).options(options).build();
          FieldDefinition changedField =
              names.length == 1
                  ? changedTarget
                  : FieldDefinitionBuilder.builder(field)
                      .subFields(
                          field.subFields().stream()
                              .map(
                                  f ->
                                      f.schemaName().equals(changedTarget.schemaName())
                                          ? changedTarget
                                          : f)
                              .toList())
                      .build();
          ActivityType changedType =
              old.with()
                  .fields(
                      old.fields().stream()
                          .map(
                              f ->
                                  f.schemaName().equals(changedField.schemaName())
                                      ? changedField
                                      : f)
                          .toList())
                  .build();
          types.update(changedType, clock.instant());
          return changed;
        });
  }

  private static FieldDefinition requireField(ActivityType type, String schemaName) {
    return type.fields().stream()
        .filter(f -> f.schemaName().equalsIgnoreCase(schemaName))
        .findFirst()
        .orElseThrow(
            () ->
                new RuleViolationException(
                    ErrorType.UNKNOWN_ATTRIBUTE,
                    "Activity type " + type.eventCode() + " has no field " + schemaName + "."));
  }

  private static FieldDefinition requireSubField(FieldDefinition set, String schemaName) {
    return set.subField(schemaName)
        .orElseThrow(
            () ->
                new RuleViolationException(
                    ErrorType.UNKNOWN_ATTRIBUTE,
                    "Custom field set " + set.schemaName() + " has no field " + schemaName + "."));
  }

  /** What deleting a type did. */
  public enum Deletion {
    DELETED,
    DEACTIVATED
  }

  /**
   * Deletes the type with this event code, or, when {@code inUse} says activities are of it,
   * deactivates it instead (as LeadSquared does); within one write, so that no activity of it can
   * be posted between the check and the change. Administrators only.
   */
  public Deletion delete(Caller caller, int eventCode, Predicate<ActivityType> inUse) {
    requireAdministrator(caller);
    return database.write(
        () -> {
          database.serialize("activity-type:" + caller.orgId().value() + ":" + eventCode);
          ActivityType type =
              types
                  .findByEventCode(caller.orgId(), eventCode)
                  .orElseThrow(() -> unknownEventCode(eventCode));
          if (inUse.test(type)) {
            types.update(type.with().active(false).build(), clock.instant());
            return Deletion.DEACTIVATED;
          }
          types.delete(type);
          return Deletion.DELETED;
        });
  }

  public List<ActivityType> list(OrgId orgId) {
    return database.read(() -> types.list(orgId));
  }

  /** The type with this event code, active or not; an unknown code is an invalid activity. */
  public ActivityType byEventCode(OrgId orgId, int eventCode) {
    return database.read(
        () ->
            types.findByEventCode(orgId, eventCode).orElseThrow(() -> unknownEventCode(eventCode)));
  }

  /**
   * An existing activity's type, at least as new as {@code version} (read with the activity). The
   * types last read are kept in memory, so that a type which has not changed since is not read
   * again.
   */
  public ActivityType byId(OrgId orgId, ActivityTypeId id, long version) {
    var key = new TypeKey(orgId, id);
    StoredType held = recentlyRead.getIfPresent(key);
    if (held != null && held.version() >= version) {
      return held.type();
    }
    StoredType stored =
        database.read(
            () ->
                types
                    .findById(orgId, id)
                    .orElseThrow(() -> new IllegalStateException("an activity's type is missing")));
    recentlyRead.asMap().merge(key, stored, (a, b) -> a.version() >= b.version() ? a : b);
    return stored.type();
  }

  /**
   * The option values of a dropdown field of a type (a system field included), or of a set's
   * sub-field named {@code mx_Custom_4~mx_CustomObject_1}, in their order.
   */
  public List<String> dropdownOptions(OrgId orgId, int eventCode, String schemaName) {
    String[] names = schemaName.split("~", 2);
    ActivityType type = byEventCode(orgId, eventCode);
    FieldDefinition named =
        type.field(names[0])
            .orElseThrow(
                () ->
                    new RuleViolationException(
                        ErrorType.UNKNOWN_ATTRIBUTE,
                        "Activity type " + eventCode + " has no field " + names[0] + "."));
    FieldDefinition field = names.length == 1 ? named : requireSubField(named, names[1]);
    if (!field.dataType().isDropdown()) {
      throw RuleViolationException.invalidInput(
          "SchemaName", field.schemaName() + " is not a dropdown.");
    }
    return field.options().stream().map(DropdownOption::value).toList();
  }

  public static RuleViolationException unknownEventCode(int eventCode) {
    return new RuleViolationException(
        ErrorType.INVALID_ACTIVITY, "Event Code is invalid or empty: " + eventCode + ".");
  }

  private static void requireAdministrator(Caller caller) {
    if (caller.user().role() != Role.ADMINISTRATOR) {
      throw new RuleViolationException(
          ErrorType.UNAUTHORIZED_ACCESS, "Only an Administrator may define activity types.");
    }
  }

  private static String name(String name) {
    String trimmed = name.strip();
    if (trimmed.isEmpty() || trimmed.length() > MAX_NAME_LENGTH) {
      throw RuleViolationException.invalidInput(
          "ActivityEventName", "A name has 1 to " + MAX_NAME_LENGTH + " characters.");
    }
    return trimmed;
  }

  private static int direction(int direction) {
    if (direction != 0 && direction != 1) {
      throw RuleViolationException.invalidInput("Direction", "0 is inbound, 1 is outbound.");
    }
    return direction;
  }

  private List<FieldDefinition> definitions(List<FieldDraft> drafts) {
    return definitions(drafts, null);
  }

  /** The fields of a type, or ({@code set} not null) the sub-fields of a custom field set. */
  private static List<FieldDefinition> definitions(List<FieldDraft> drafts, String set) {
    List<FieldDefinition> fields = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (FieldDraft draft : drafts) {
      FieldDefinition field = definition(draft, fields.size() + 1, set);
      if (!seen.add(field.schemaName())) {
        throw RuleViolationException.invalidInput(
            "SchemaName", field.schemaName() + " is defined more than once.");
      }
      fields.add(field);
    }
    return fields;
  }

  private static FieldDefinition definition(FieldDraft draft, int position, String set) {
    String schemaName =
        set == null ? customSchemaName(draft.schemaName()) : subFieldName(set, draft.schemaName());
    if (draft.dataType() == null) {
      throw RuleViolationException.invalidInput("DataType", schemaName + " needs a data type.");
    }
    DataType dataType =
        DataType.named(draft.dataType())
            .orElseThrow(
                () ->
                    RuleViolationException.invalidInput(
                        "DataType",
                        "Unknown data type " + draft.dataType() + " for " + schemaName + "."));
    List<FieldDefinition> subFields = subFields(draft, dataType, schemaName, set);
    Set<String> optionValues = new HashSet<>();
    for (DropdownOption option : draft.options()) {
      if (option.value().isBlank() || !optionValues.add(option.value().toLowerCase(Locale.ROOT))) {
        throw RuleViolationException.invalidInput(
            "OptionSet", schemaName + " has a blank or repeated option value.");
      }
    }
    return FieldDefinitionBuilder.builder()
        .schemaName(schemaName)
        .displayName(
            draft.displayName() == null || draft.displayName().isBlank()
                ? schemaName
                : draft.displayName().strip())
        .dataType(dataType)
        .mandatory(orElse(draft.mandatory(), false))
        .showInForm(orElse(draft.showInForm(), true))
        .sequence(orElse(draft.sequence(), position))
        .options(dataType.isDropdown() ? draft.options() : List.of())
        .multiSelect(dataType.isDropdown() && orElse(draft.multiSelect(), false))
        .maxFieldLength(maxFieldLength(dataType, draft.maxFieldLength(), schemaName))
        .subFields(subFields)
        .build();
  }

  /**
   * The sub-fields of a custom field set: one level only, named mx_CustomObject_1 to
   * mx_CustomObject_50, of any data type but another set.
   */
  private static List<FieldDefinition> subFields(
      FieldDraft draft, DataType dataType, String schemaName, String set) {
    if (dataType != DataType.CUSTOM_OBJECT) {
      if (draft.subFields() != null && !draft.subFields().isEmpty()) {
        throw RuleViolationException.invalidInput(
            "Fields", schemaName + " is not a custom field set (DataType CustomObject).");
      }
      return List.of();
    }
    if (set != null) {
      throw RuleViolationException.invalidInput(
          "DataType", "A custom field set cannot hold another, as " + schemaName + " would.");
    }
    if (draft.subFields() == null || draft.subFields().isEmpty()) {
      throw RuleViolationException.invalidInput(
          "Fields", "The custom field set " + schemaName + " needs at least one field.");
    }
    return definitions(draft.subFields(), schemaName);
  }

  private static String subFieldName(String set, String schemaName) {
    Matcher matcher = SUB_FIELD.matcher(schemaName == null ? "" : schemaName.strip());
    if (!matcher.matches() || Integer.parseInt(matcher.group(1)) > ActivityType.MAX_CUSTOM_FIELDS) {
      throw RuleViolationException.invalidInput(
          "SchemaName",
          "The fields of "
              + set
              + " are named mx_CustomObject_1 to mx_CustomObject_50, not "
              + schemaName
              + ".");
    }
    return "mx_CustomObject_" + matcher.group(1);
  }

  private static Integer maxFieldLength(DataType dataType, Integer requested, String schemaName) {
    if (dataType != DataType.STRING && dataType != DataType.TEXT || requested == null) {
      return null;
    }
    int ceiling =
        dataType == DataType.STRING
            ? FieldDefinition.DEFAULT_STRING_LENGTH * 10
            : FieldDefinition.TEXT_LENGTH;
    if (requested < 1 || requested > ceiling) {
      throw RuleViolationException.invalidInput(
          "MaxFieldLength", schemaName + " may hold 1 to " + ceiling + " characters.");
    }
    return requested;
  }

  private static String customSchemaName(String schemaName) {
    Matcher matcher = CUSTOM_FIELD.matcher(schemaName == null ? "" : schemaName.strip());
    if (!matcher.matches() || Integer.parseInt(matcher.group(1)) > ActivityType.MAX_CUSTOM_FIELDS) {
      throw RuleViolationException.invalidInput(
          "SchemaName",
          "Custom fields are named mx_Custom_1 to mx_Custom_50, not " + schemaName + ".");
    }
    return "mx_Custom_" + matcher.group(1);
  }

  private static String duplicateName(String name) {
    return "An activity type named " + name + " already exists.";
  }

  private static <T> T orElse(T value, T fallback) {
    return value == null ? fallback : value;
  }
}
