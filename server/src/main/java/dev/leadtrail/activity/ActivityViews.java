package dev.leadtrail.activity;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.leadtrail.activitytype.ActivityType;
import dev.leadtrail.activitytype.DataType;
import dev.leadtrail.activitytype.FieldDefinition;
import dev.leadtrail.activitytype.OptionSetJson;
import dev.leadtrail.activitytype.SystemFields;
import dev.leadtrail.file.FileService;
import dev.leadtrail.http.ApiTime;
import dev.leadtrail.user.UserId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** How activities look on the wire: the answers of the activity calls, in LeadSquared's names. */
final class ActivityViews {

  /** LeadSquared's activity kind for custom activities. */
  static final int CUSTOM_ACTIVITY = 2;

  private ActivityViews() {}

  @JsonPropertyOrder({
    "Id",
    "RelatedProspectId",
    "ActivityEvent",
    "ActivityType",
    "CreatedOn",
    "ModifiedOn",
    "Fields",
    "Data"
  })
  record RecentActivityView(
      @JsonProperty("Id") String id,
      @JsonProperty("RelatedProspectId") String relatedProspectId,
      @JsonProperty("ActivityEvent") int activityEvent,
      @JsonProperty("ActivityType") int activityType,
      @JsonProperty("CreatedOn") String createdOn,
      @JsonProperty("ModifiedOn") String modifiedOn,
      @JsonProperty("Fields") List<KeyValue> fields,
      @JsonProperty("Data") List<KeyValue> data) {

    /** {@code names} tells users' names; custom fields only with {@code includeCustomFields}. */
    static RecentActivityView of(
        TypedActivity typed, boolean includeCustomFields, Function<UserId, String> names) {
      Activity activity = typed.activity();
      List<KeyValue> fields = new ArrayList<>();
      fields.add(new KeyValue("ProspectActivityId", activity.id().value()));
      fields.add(new KeyValue(SystemFields.NOTE, activity.note()));
      fields.add(new KeyValue(SystemFields.STATUS, activity.status()));
      fields.add(new KeyValue(SystemFields.OWNER, activity.owner().value()));
      if (includeCustomFields) {
        typed.currentFieldValues().forEach((name, value) -> fields.add(new KeyValue(name, value)));
      }
      List<KeyValue> data =
          List.of(
              new KeyValue("ActivityEventName", typed.type().name()),
              new KeyValue("ActivityDateTime", ApiTime.format(activity.activityAt())),
              new KeyValue("CreatedBy", activity.createdBy().value()),
              new KeyValue("CreatedByName", names.apply(activity.createdBy())),
              new KeyValue("ModifiedBy", activity.modifiedBy().value()),
              new KeyValue("ModifiedByName", names.apply(activity.modifiedBy())));
      return new RecentActivityView(
          activity.id().value(),
          activity.leadId().value(),
          activity.eventCode(),
          CUSTOM_ACTIVITY,
          ApiTime.format(activity.createdAt()),
          ApiTime.format(activity.modifiedAt()),
          fields,
          data);
    }
  }

  @JsonPropertyOrder({"RecordCount", "ProspectActivities"})
  record RecentActivitiesView(
      @JsonProperty("RecordCount") long recordCount,
      @JsonProperty("ProspectActivities") List<RecentActivityView> prospectActivities) {}

  @JsonPropertyOrder({"RecordCount", "ProspectActivities"})
  record LeadActivitiesView(
      @JsonProperty("RecordCount") long recordCount,
      @JsonProperty("ProspectActivities") List<LeadActivityView> prospectActivities) {}

  record KeyValue(@JsonProperty("Key") String key, @JsonProperty("Value") String value) {}

  @JsonPropertyOrder({
    "Id",
    "EventCode",
    "EventName",
    "ActivityScore",
    "CreatedOn",
    "ActivityType",
    "IsEmailType",
    "Type",
    "SessionId",
    "TrackLocation",
    "ActivityFields",
    "Data"
  })
  record LeadActivityView(
      @JsonProperty("Id") String id,
      @JsonProperty("EventCode") int eventCode,
      @JsonProperty("EventName") String eventName,
      @JsonProperty("ActivityScore") int activityScore,
      @JsonProperty("CreatedOn") String createdOn,
      @JsonProperty("ActivityType") int activityType,
      @JsonProperty("IsEmailType") boolean isEmailType,
      @JsonProperty("Type") String type,
      @JsonProperty("SessionId") String sessionId,
      @JsonProperty("TrackLocation") int trackLocation,
      @JsonProperty("ActivityFields") Map<String, String> activityFields,
      @JsonProperty("Data") List<KeyValue> data) {

    static LeadActivityView of(TypedActivity typed) {
      Activity activity = typed.activity();
      ActivityType type = typed.type();
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put(SystemFields.NOTE, activity.note());
      fields.put(SystemFields.STATUS, activity.status());
      fields.put(SystemFields.OWNER, activity.owner().value());
      List<KeyValue> data = new ArrayList<>();
      typed
          .currentFieldValues()
          .forEach(
              (name, value) -> {
                if (!value.isEmpty()) {
                  fields.put(name, value);
                  data.add(new KeyValue(name, value));
                }
              });
      return new LeadActivityView(
          activity.id().value(),
          activity.eventCode(),
          type.name(),
          activity.score(),
          ApiTime.format(activity.activityAt()),
          CUSTOM_ACTIVITY,
          false,
          type.direction() == 1 ? "Outbound" : "Inbound",
          null,
          type.trackLocation() ? 1 : 0,
          fields,
          data);
    }
  }

  @JsonPropertyOrder({
    "SchemaName",
    "InternalName",
    "DisplayName",
    "Value",
    "DataType",
    "IsMandatory",
    "ShowInForm",
    "Sequence",
    "OptionSet",
    "IsMultiSelectDropdown",
    "MaxFieldLength",
    "FileStatus",
    "CustomObjectFormProperties"
  })
  record DetailFieldView(
      @JsonProperty("SchemaName") String schemaName,
      @JsonProperty("InternalName") String internalName,
      @JsonProperty("DisplayName") String displayName,
      @JsonProperty("Value") String value,
      @JsonProperty("DataType") String dataType,
      @JsonProperty("IsMandatory") boolean isMandatory,
      @JsonProperty("ShowInForm") boolean showInForm,
      @JsonProperty("Sequence") int sequence,
      @JsonProperty("OptionSet") String optionSet,
      @JsonProperty("IsMultiSelectDropdown") boolean isMultiSelectDropdown,
      @JsonProperty("MaxFieldLength") Integer maxFieldLength,
      @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("FileStatus") String fileStatus,
      @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("CustomObjectFormProperties")
          FormPropertiesView customObjectFormProperties) {}

  /** How GetActivityDetails describes a custom field set's sub-fields and their values. */
  record FormPropertiesView(@JsonProperty("FieldProperties") FieldPropertiesView fieldProperties) {}

  record FieldPropertiesView(@JsonProperty("FormMetaData") List<FormMetaDataView> formMetaData) {}

  @JsonPropertyOrder({"SchemaName", "DisplayName", "DataType", "IsMandatory", "Value", "FileURL"})
  record FormMetaDataView(
      @JsonProperty("SchemaName") String schemaName,
      @JsonProperty("DisplayName") String displayName,
      @JsonProperty("DataType") String dataType,
      @JsonProperty("IsMandatory") boolean isMandatory,
      @JsonProperty("Value") String value,
      @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("FileURL") String fileUrl) {}

  /**
   * The sub-fields of a custom field set with their stored values; {@code baseUrl} (null unless
   * file URLs were asked for) gives each File sub-value's URLs.
   */
  static FormPropertiesView formProperties(FieldDefinition set, String value, String baseUrl) {
    Map<String, String> values = CustomFieldSets.read(value);
    List<FormMetaDataView> subFields = new ArrayList<>();
    for (FieldDefinition sub : set.subFields()) {
      String subValue = values.getOrDefault(sub.schemaName(), "");
      boolean urls = baseUrl != null && sub.dataType() == DataType.FILE && !subValue.isEmpty();
      subFields.add(
          new FormMetaDataView(
              sub.schemaName(),
              sub.displayName(),
              sub.dataType().wireName(),
              sub.mandatory(),
              subValue,
              urls ? TypedActivity.fileUrls(subValue, baseUrl) : null));
    }
    return new FormPropertiesView(new FieldPropertiesView(subFields));
  }

  @JsonPropertyOrder({"ID", "Name", "DisplayName", "Fields", "Attachments"})
  record DetailsView(
      @JsonProperty("ID") String id,
      @JsonProperty("Name") String name,
      @JsonProperty("DisplayName") String displayName,
      @JsonProperty("Fields") List<DetailFieldView> fields,
      @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("Attachments")
          List<AttachmentView> attachments) {}

  @JsonPropertyOrder({
    "Id",
    "Name",
    "Description",
    "AttachmentFile",
    "FileURL",
    "CreatedOn",
    "CreatedBy"
  })
  record AttachmentView(
      @JsonProperty("Id") String id,
      @JsonProperty("Name") String name,
      @JsonProperty("Description") String description,
      @JsonProperty("AttachmentFile") String attachmentFile,
      @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("FileURL") String fileUrl,
      @JsonProperty("CreatedOn") String createdOn,
      @JsonProperty("CreatedBy") String createdBy) {

    /** {@code baseUrl} is null unless the file's URL was asked for. */
    static AttachmentView of(Attachment attachment, String baseUrl) {
      return new AttachmentView(
          attachment.id(),
          attachment.name(),
          attachment.description(),
          attachment.fileName(),
          baseUrl == null ? null : FileService.downloadUrl(baseUrl, attachment.fileName()),
          ApiTime.format(attachment.createdAt()),
          attachment.createdBy().value());
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"RecordCount", "List"})
  record TypeActivitiesView(
      @JsonProperty("RecordCount") long recordCount,
      @JsonProperty("List") List<Map<String, String>> list) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"ProspectActivityId", "IsSuccessful", "ExceptionType", "ExceptionMessage"})
  record BulkResultView(
      @JsonProperty("ProspectActivityId") String prospectActivityId,
      @JsonProperty("IsSuccessful") boolean isSuccessful,
      @JsonProperty("ExceptionType") String exceptionType,
      @JsonProperty("ExceptionMessage") String exceptionMessage) {

    static BulkResultView of(ActivityUpdateService.BulkOutcome outcome) {
      var failure = outcome.failure();
      return failure == null
          ? new BulkResultView(outcome.prospectActivityId(), true, null, null)
          : new BulkResultView(
              outcome.prospectActivityId(), false, failure.type().wireName(), failure.getMessage());
    }
  }

  record BulkView(@JsonProperty("Response") List<BulkResultView> response) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({
    "ProspectActivityId",
    "RowNumber",
    "ActivityCreated",
    "ExceptionType",
    "ExceptionMessage"
  })
  record BulkPostView(
      @JsonProperty("ProspectActivityId") String prospectActivityId,
      @JsonProperty("RowNumber") int rowNumber,
      @JsonProperty("ActivityCreated") boolean activityCreated,
      @JsonProperty("ExceptionType") String exceptionType,
      @JsonProperty("ExceptionMessage") String exceptionMessage) {

    static BulkPostView of(int rowNumber, BulkItems.Outcome<ActivityService.Posted> outcome) {
      var failure = outcome.failure();
      return failure == null
          ? new BulkPostView(outcome.result().id().value(), rowNumber, true, null, null)
          : new BulkPostView(
              null, rowNumber, false, failure.type().wireName(), failure.getMessage());
    }
  }

  record BulkPostsView(@JsonProperty("Response") List<BulkPostView> response) {}

  @JsonPropertyOrder({"ModifiedOn", "ModifiedBy", "Field", "OldValue", "NewValue"})
  record ChangeView(
      @JsonProperty("ModifiedOn") String modifiedOn,
      @JsonProperty("ModifiedBy") String modifiedBy,
      @JsonProperty("Field") String field,
      @JsonProperty("OldValue") String oldValue,
      @JsonProperty("NewValue") String newValue) {

    static ChangeView of(ActivityChange change) {
      return new ChangeView(
          ApiTime.format(change.changedAt()),
          change.changedBy().value(),
          change.field(),
          change.oldValue(),
          change.newValue());
    }
  }

  @JsonPropertyOrder({"Activity", "Changes"})
  record HistoryView(
      @JsonProperty("Activity") Map<String, String> activity,
      @JsonProperty("Changes") List<ChangeView> changes) {}

  @JsonPropertyOrder({"RecordCount", "Activities"})
  record HistoriesView(
      @JsonProperty("RecordCount") long recordCount,
      @JsonProperty("Activities") List<HistoryView> activities) {}

  /** A row of RetrieveByActivityEvent: flat, every value a string. */
  static Map<String, String> row(TypedActivity typed, boolean removeEmpty) {
    Map<String, String> row = baseRow(typed.activity());
    row.putAll(typed.currentFieldValues());
    if (removeEmpty) {
      row.values().removeIf(String::isEmpty);
    }
    return row;
  }

  /** What every flat activity row carries, before its custom fields. */
  static Map<String, String> baseRow(Activity activity) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("ProspectActivityId", activity.id().value());
    row.put("RelatedProspectId", activity.leadId().value());
    row.put("ActivityType", String.valueOf(CUSTOM_ACTIVITY));
    row.put("ActivityEvent", String.valueOf(activity.eventCode()));
    row.put(SystemFields.NOTE, activity.note());
    row.put(SystemFields.STATUS, activity.status());
    row.put(SystemFields.OWNER, activity.owner().value());
    row.put("CreatedOn", ApiTime.format(activity.createdAt()));
    row.put("CreatedBy", activity.createdBy().value());
    row.put("ModifiedOn", ApiTime.format(activity.modifiedAt()));
    row.put("ModifiedBy", activity.modifiedBy().value());
    row.put("Score", String.valueOf(activity.score()));
    return row;
  }

  static DetailFieldView detailField(
      FieldDefinition field, String value, String fileStatus, FormPropertiesView formProperties) {
    return new DetailFieldView(
        field.schemaName(),
        field.schemaName(),
        field.displayName(),
        value == null ? "" : value,
        field.dataType().wireName(),
        field.mandatory(),
        field.showInForm(),
        field.sequence(),
        OptionSetJson.encode(field.options()),
        field.multiSelect(),
        field.maxFieldLength(),
        fileStatus,
        formProperties);
  }
}
