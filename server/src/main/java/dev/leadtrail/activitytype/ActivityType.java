package dev.leadtrail.activitytype;

import dev.leadtrail.org.OrgId;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A custom activity type with its current custom fields (those taken off the type are not among
 * them). Direction is 0 for inbound, 1 for outbound. Made by {@link ActivityTypeBuilder}: its flags
 * are too alike to pass by position.
 */
@RecordBuilder
public record ActivityType(
    OrgId orgId,
    ActivityTypeId id,
    int eventCode,
    String name,
    int score,
    String description,
    int direction,
    boolean trackLocation,
    boolean allowAttachments,
    boolean showInActivityGrid,
    boolean canDeleteActivity,
    boolean active,
    List<FieldDefinition> fields)
    implements ActivityTypeBuilder.With {

  public static final int MAX_CUSTOM_FIELDS = 50;

  public static final int MAX_DESCRIPTION_LENGTH = 2_000;

  public ActivityType {
    Objects.requireNonNull(orgId);
    Objects.requireNonNull(id);
    Objects.requireNonNull(name);
    Objects.requireNonNull(description);
    fields = List.copyOf(fields);
  }

  /** Whether one of the type's custom fields is of {@code dataType}. */
  public boolean hasFieldOf(DataType dataType) {
    for (FieldDefinition field : fields) {
      if (field.dataType() == dataType) {
        return true;
      }
    }
    return false;
  }

  /** A custom or system field by schema name, matched ignoring case. */
  public Optional<FieldDefinition> field(String schemaName) {
    for (List<FieldDefinition> candidates : List.of(SystemFields.ALL, fields)) {
      for (FieldDefinition field : candidates) {
        if (field.schemaName().equalsIgnoreCase(schemaName)) {
          return Optional.of(field);
        }
      }
    }
    return Optional.empty();
  }
}
