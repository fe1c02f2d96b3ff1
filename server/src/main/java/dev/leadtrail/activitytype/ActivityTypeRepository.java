package dev.leadtrail.activitytype;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadtrail.org.OrgId;
import dev.leadtrail.storage.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Stores activity types and their fields. A field taken off a type is marked removed rather than
 * deleted. Stateless and thread-safe.
 */
final class ActivityTypeRepository {

  private static final String TYPE_COLUMNS =
      """
      t.org_id, t.id, t.event_code, t.name, t.score, t.description, t.direction,
      t.track_location, t.allow_attachments, t.show_in_activity_grid, t.can_delete_activity,
      t.active, t.version\
      """;

  private static final String INSERT_TYPE =
      """
      INSERT INTO activity_types (org_id, id, event_code, name, name_lower, score, description,
                                  direction, track_location, allow_attachments,
                                  show_in_activity_grid, can_delete_activity, active, created_at,
                                  modified_at)
      VALUES (:orgId, :id, :eventCode, :name, :nameLower, :score, :description, :direction,
              :trackLocation, :allowAttachments, :showInActivityGrid, :canDeleteActivity, :active,
              :now, :now)\
      """;

  private static final String UPDATE_TYPE =
      """
      UPDATE activity_types
         SET name = :name, name_lower = :nameLower, score = :score, description = :description,
             direction = :direction, track_location = :trackLocation,
             allow_attachments = :allowAttachments, show_in_activity_grid = :showInActivityGrid,
             can_delete_activity = :canDeleteActivity, active = :active, modified_at = :now,
             version = version + 1
       WHERE org_id = :orgId AND id = :id\
      """;

  private static final String REMOVE_FIELDS =
      "UPDATE activity_fields SET removed = :removed WHERE org_id = :orgId AND type_id = :typeId";

  private static final String UPSERT_FIELD =
      """
      INSERT INTO activity_fields (org_id, type_id, schema_name, display_name, data_type, mandatory,
                                   show_in_form, sequence, options, multi_select, max_field_length,
                                   sub_fields, removed)
      VALUES (:orgId, :typeId, :schemaName, :displayName, :dataType, :mandatory, :showInForm,
              :sequence, :options, :multiSelect, :maxFieldLength, :subFields, :removed)
      ON CONFLICT (org_id, type_id, schema_name) DO UPDATE
         SET display_name = excluded.display_name, data_type = excluded.data_type,
             mandatory = excluded.mandatory, show_in_form = excluded.show_in_form,
             sequence = excluded.sequence, options = excluded.options,
             multi_select = excluded.multi_select, max_field_length = excluded.max_field_length,
             sub_fields = excluded.sub_fields, removed = excluded.removed\
      """;

  private static final String FIND_BY_CODE =
      "SELECT "
          + TYPE_COLUMNS
          + " FROM activity_types t WHERE t.org_id = :orgId AND t.event_code = :code";

  private static final String FIND_BY_ID =
      "SELECT " + TYPE_COLUMNS + " FROM activity_types t WHERE t.org_id = :orgId AND t.id = :id";

  private static final String LIST =
      "SELECT "
          + TYPE_COLUMNS
          + " FROM activity_types t WHERE t.org_id = :orgId ORDER BY t.event_code";

  private static final String FIELDS =
      """
      SELECT f.type_id, f.schema_name, f.display_name, f.data_type, f.mandatory, f.show_in_form,
             f.sequence, f.options, f.multi_select, f.max_field_length, f.sub_fields
        FROM activity_fields f
       WHERE f.org_id = :orgId AND f.removed = :removed\
      """;

  private static final String NEXT_EVENT_CODE =
      "SELECT COALESCE(MAX(event_code) + 1, :first) FROM activity_types WHERE org_id = :orgId";

  /** Custom event codes are allocated from here up (contract section 5.8). */
  static final int FIRST_EVENT_CODE = 200;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** An option as stored: the OptionSet's own shape. */
  record StoredOption(
      @JsonProperty("Value") String value,
      @JsonProperty("Text") String text,
      @JsonProperty("IsDefault") boolean isDefault,
      @JsonProperty("Order") int order) {}

  private static final TypeReference<List<StoredOption>> OPTIONS = new TypeReference<>() {};
  private static final TypeReference<List<StoredSubField>> SUB_FIELDS = new TypeReference<>() {};

  /** A type with the version its row is at: it grows with every change to the type. */
  record StoredType(ActivityType type, long version) {}

  private final Database database;

  ActivityTypeRepository(Database database) {
    this.database = database;
  }

  void insert(ActivityType type, Instant now) {
    Handle handle = database.writeHandle();
    bindType(handle.createUpdate(INSERT_TYPE), type, now).execute();
    replaceFields(type);
  }

  /** Deletes a type and its fields; the caller has made sure no activity is of it. */
  void delete(ActivityType type) {
    Handle handle = database.writeHandle();
    for (String sql :
        List.of(
            "DELETE FROM activity_fields WHERE org_id = :orgId AND type_id = :typeId",
            "DELETE FROM activity_types WHERE org_id = :orgId AND id = :typeId")) {
      handle
          .createUpdate(sql)
          .bind("orgId", type.orgId().value())
          .bind("typeId", type.id().value())
          .execute();
    }
  }

  void update(ActivityType type, Instant now) {
    Handle handle = database.writeHandle();
    bindType(handle.createUpdate(UPDATE_TYPE), type, now).execute();
    replaceFields(type);
  }

  int nextEventCode(OrgId orgId) {
    Handle handle = database.handle();
    return handle
        .createQuery(NEXT_EVENT_CODE)
        .bind("orgId", orgId.value())
        .bind("first", FIRST_EVENT_CODE)
        .mapTo(Integer.class)
        .one();
  }

  Optional<ActivityType> findByEventCode(OrgId orgId, int code) {
    Handle handle = database.handle();
    return withFields(orgId, handle.createQuery(FIND_BY_CODE).bind("code", code)).stream()
        .map(StoredType::type)
        .findFirst();
  }

  Optional<StoredType> findById(OrgId orgId, ActivityTypeId id) {
    Handle handle = database.handle();
    return withFields(orgId, handle.createQuery(FIND_BY_ID).bind("id", id.value())).stream()
        .findFirst();
  }

  List<ActivityType> list(OrgId orgId) {
    Handle handle = database.handle();
    return withFields(orgId, handle.createQuery(LIST)).stream().map(StoredType::type).toList();
  }

  /** Marks every field removed, then stores the type's current ones as not removed. */
  private void replaceFields(ActivityType type) {
    Handle handle = database.writeHandle();
    handle
        .createUpdate(REMOVE_FIELDS)
        .bind("orgId", type.orgId().value())
        .bind("typeId", type.id().value())
        .bind("removed", true)
        .execute();
    for (FieldDefinition field : type.fields()) {
      handle
          .createUpdate(UPSERT_FIELD)
          .bind("orgId", type.orgId().value())
          .bind("typeId", type.id().value())
          .bind("schemaName", field.schemaName())
          .bind("displayName", field.displayName())
          .bind("dataType", field.dataType().wireName())
          .bind("mandatory", field.mandatory())
          .bind("showInForm", field.showInForm())
          .bind("sequence", field.sequence())
          .bind("options", optionsJson(field.options()))
          .bind("multiSelect", field.multiSelect())
          .bind("maxFieldLength", field.maxFieldLength())
          .bind("subFields", subFieldsJson(field.subFields()))
          .bind("removed", false)
          .execute();
    }
  }

  private static <S extends SqlStatement<S>> S bindType(
      S statement, ActivityType type, Instant now) {
    return statement
        .bind("orgId", type.orgId().value())
        .bind("id", type.id().value())
        .bind("eventCode", type.eventCode())
        .bind("name", type.name())
        .bind("nameLower", type.name().toLowerCase(Locale.ROOT))
        .bind("score", type.score())
        .bind("description", type.description())
        .bind("direction", type.direction())
        .bind("trackLocation", type.trackLocation())
        .bind("allowAttachments", type.allowAttachments())
        .bind("showInActivityGrid", type.showInActivityGrid())
        .bind("canDeleteActivity", type.canDeleteActivity())
        .bind("active", type.active())
        .bind("now", now.toEpochMilli());
  }

  /** Runs a query of types of one organisation and attaches each type's current fields. */
  private List<StoredType> withFields(OrgId orgId, Query typeQuery) {
    Handle handle = database.handle();
    List<StoredType> rows =
        typeQuery.bind("orgId", orgId.value()).map((rs, ctx) -> typeRow(rs)).list();
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<String, List<FieldDefinition>> fields = new HashMap<>();
    // One type (the update path) reads only its own fields; a list reads the organisation's.
    Query fieldQuery =
        rows.size() == 1
            ? handle
                .createQuery(FIELDS + " AND f.type_id = :typeId")
                .bind("typeId", rows.getFirst().type().id().value())
            : handle.createQuery(FIELDS);
    fieldQuery
        .bind("orgId", orgId.value())
        .bind("removed", false)
        .map((rs, ctx) -> Map.entry(rs.getString("type_id"), field(rs)))
        .forEach(e -> fields.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    return rows.stream()
        .map(
            row ->
                new StoredType(
                    row.type()
                        .withFields(
                            sorted(fields.getOrDefault(row.type().id().value(), List.of()))),
                    row.version()))
        .toList();
  }

  private static List<FieldDefinition> sorted(List<FieldDefinition> fields) {
    return fields.stream()
        .sorted(
            Comparator.comparingInt(FieldDefinition::sequence)
                .thenComparingInt(f -> customNumber(f.schemaName())))
        .toList();
  }

  private static int customNumber(String schemaName) {
    return Integer.parseInt(schemaName.substring(schemaName.lastIndexOf('_') + 1));
  }

  /** A type as its row holds it, before its fields are attached. */
  private static StoredType typeRow(ResultSet rs) throws SQLException {
    var type =
        ActivityTypeBuilder.builder()
            .orgId(new OrgId(rs.getString("org_id")))
            .id(new ActivityTypeId(rs.getString("id")))
            .eventCode(rs.getInt("event_code"))
            .name(rs.getString("name"))
            .score(rs.getInt("score"))
            .description(rs.getString("description"))
            .direction(rs.getInt("direction"))
            .trackLocation(rs.getBoolean("track_location"))
            .allowAttachments(rs.getBoolean("allow_attachments"))
            .showInActivityGrid(rs.getBoolean("show_in_activity_grid"))
            .canDeleteActivity(rs.getBoolean("can_delete_activity"))
            .active(rs.getBoolean("active"))
            .fields(List.of())
            .build();
    return new StoredType(type, rs.getLong("version"));
  }

  private static FieldDefinition field(ResultSet rs) throws SQLException {
    int maxLength = rs.getInt("max_field_length");
    Integer maxFieldLength = rs.wasNull() ? null : maxLength;
    return fieldBuilder(rs, maxFieldLength)
        .subFields(subFields(rs.getString("sub_fields")))
        .build();
  }

  private static FieldDefinitionBuilder fieldBuilder(ResultSet rs, Integer maxFieldLength)
      throws SQLException {
    return FieldDefinitionBuilder.builder()
        .schemaName(rs.getString("schema_name"))
        .displayName(rs.getString("display_name"))
        .dataType(DataType.named(rs.getString("data_type")).orElseThrow())
        .mandatory(rs.getBoolean("mandatory"))
        .showInForm(rs.getBoolean("show_in_form"))
        .sequence(rs.getInt("sequence"))
        .options(options(rs.getString("options")))
        .multiSelect(rs.getBoolean("multi_select"))
        .maxFieldLength(maxFieldLength);
  }

  /** The sub-fields of a custom field set, as their column holds them. */
  private record StoredSubField(
      String schemaName,
      String displayName,
      String dataType,
      boolean mandatory,
      int sequence,
      List<StoredOption> options,
      boolean multiSelect,
      Integer maxFieldLength) {}

  private static String subFieldsJson(List<FieldDefinition> subFields) {
    try {
      return JSON.writeValueAsString(
          subFields.stream()
              .map(
                  f ->
                      new StoredSubField(
                          f.schemaName(),
                          f.displayName(),
                          f.dataType().wireName(),
                          f.mandatory(),
                          f.sequence(),
                          f.options().stream()
                              .map(
                                  o ->
                                      new StoredOption(
                                          o.value(), o.text(), o.isDefault(), o.order()))
                              .toList(),
                          f.multiSelect(),
                          f.maxFieldLength()))
              .toList());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("sub-fields could not be written as JSON", e);
    }
  }

  private static List<FieldDefinition> subFields(String json) {
    try {
      return JSON.readValue(json, SUB_FIELDS).stream()
          .map(
              f ->
                  FieldDefinitionBuilder.builder()
                      .schemaName(f.schemaName())
                      .displayName(f.displayName())
                      .dataType(DataType.named(f.dataType()).orElseThrow())
                      .mandatory(f.mandatory())
                      .showInForm(true)
                      .sequence(f.sequence())
                      .options(options(f.options()))
                      .multiSelect(f.multiSelect())
                      .maxFieldLength(f.maxFieldLength())
                      .build())
          .toList();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored sub-fields are not a JSON array", e);
    }
  }

  private static String optionsJson(List<DropdownOption> options) {
    try {
      return JSON.writeValueAsString(stored(options));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("options could not be written as JSON", e);
    }
  }

  private static List<DropdownOption> options(String json) {
    try {
      return options(JSON.readValue(json, OPTIONS));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored options are not a JSON array", e);
    }
  }

  private static List<StoredOption> stored(List<DropdownOption> options) {
    return options.stream()
        .map(o -> new StoredOption(o.value(), o.text(), o.isDefault(), o.order()))
        .toList();
  }

  private static List<DropdownOption> options(List<StoredOption> stored) {
    return stored.stream()
        .map(o -> new DropdownOption(o.value(), o.text(), o.isDefault(), o.order()))
        .toList();
  }
}
