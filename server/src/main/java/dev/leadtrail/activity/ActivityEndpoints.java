package dev.leadtrail.activity;

import static dev.leadtrail.activity.ActivityViews.baseRow;
import static dev.leadtrail.activity.ActivityViews.detailField;
import static dev.leadtrail.activity.ActivityViews.row;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadtrail.activity.ActivityViews.AttachmentView;
import dev.leadtrail.activity.ActivityViews.BulkPostView;
import dev.leadtrail.activity.ActivityViews.BulkPostsView;
import dev.leadtrail.activity.ActivityViews.BulkResultView;
import dev.leadtrail.activity.ActivityViews.BulkView;
import dev.leadtrail.activity.ActivityViews.ChangeView;
import dev.leadtrail.activity.ActivityViews.DetailFieldView;
import dev.leadtrail.activity.ActivityViews.DetailsView;
import dev.leadtrail.activity.ActivityViews.HistoriesView;
import dev.leadtrail.activity.ActivityViews.HistoryView;
import dev.leadtrail.activity.ActivityViews.LeadActivitiesView;
import dev.leadtrail.activity.ActivityViews.LeadActivityView;
import dev.leadtrail.activity.ActivityViews.RecentActivitiesView;
import dev.leadtrail.activity.ActivityViews.RecentActivityView;
import dev.leadtrail.activity.ActivityViews.TypeActivitiesView;
import dev.leadtrail.activitytype.ActivityType;
import dev.leadtrail.activitytype.DataType;
import dev.leadtrail.activitytype.EventCodes;
import dev.leadtrail.activitytype.SystemFields;
import dev.leadtrail.error.RuleViolationException;
import dev.leadtrail.http.ApiCall;
import dev.leadtrail.http.ApiEndpoints;
import dev.leadtrail.http.ApiRoute;
import dev.leadtrail.http.JsonValues;
import dev.leadtrail.http.Success;
import dev.leadtrail.lead.LeadDetails;
import dev.leadtrail.lead.LeadId;
import dev.leadtrail.lead.SearchBy;
import dev.leadtrail.user.Caller;
import dev.leadtrail.user.UserId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** Posting and reading activities, under {@code ProspectActivity.svc} (contract 5.2 to 5.5). */
public final class ActivityEndpoints implements ApiEndpoints<Caller> {

  private static final String SERVICE = "ProspectActivity.svc/";
  private static final int MAX_PAGE_SIZE = 1000;

  private final ActivityService activities;
  private final ActivityUpdateService updates;
  private final AttachmentService attachments;
  private final ActivityDeletion deletion;

  public ActivityEndpoints(
      ActivityService activities,
      ActivityUpdateService updates,
      AttachmentService attachments,
      ActivityDeletion deletion) {
    this.activities = activities;
    this.updates = updates;
    this.attachments = attachments;
    this.deletion = deletion;
  }

  @Override
  public List<ApiRoute<Caller>> routes() {
    return List.of(
        ApiRoute.write(SERVICE + "Create", this::create),
        ApiRoute.write(SERVICE + "CreateCustom", this::createCustom),
        ApiRoute.read(SERVICE + "Retrieve", this::retrieve),
        ApiRoute.get(SERVICE + "GetActivityDetails", this::details),
        ApiRoute.read(SERVICE + "CustomActivity/RetrieveByActivityEvent", this::ofType),
        ApiRoute.write(SERVICE + "CustomActivity/Update", this::update),
        ApiRoute.bulkWrite(SERVICE + "Bulk/CustomActivity/Update", this::bulkUpdate),
        ApiRoute.bulkWrite(SERVICE + "Bulk/CustomActivity/Add/ByLeadId", this::bulkAddByLeadId),
        ApiRoute.bulkWrite(
            SERVICE + "Bulk/CustomActivity/Add/ByLeadField", this::bulkAddByLeadField),
        ApiRoute.read(SERVICE + "RetrieveActivityChange", this::history),
        ApiRoute.write(SERVICE + "Attachment/Add", this::addAttachment),
        ApiRoute.read(SERVICE + "RetrieveRecentlyModified", this::recentlyModified),
        ApiRoute.write(SERVICE + "DeleteActivities", this::deleteActivities),
        ApiRoute.get(SERVICE + "CustomActivityType/Delete", this::deleteType),
        ApiRoute.read(SERVICE + "CustomActivityType/Delete", this::deleteType));
  }

  void create(ApiCall<Caller> call) {
    NewActivity request = NewActivity.from(call.objectBody());
    ActivityService.Posted posted = activities.post(call.caller(), request);
    call.respond(
        request.leadId() == null
            ? Success.withIdAndRelatedId(posted.id().value(), posted.leadId().value())
            : Success.withId(posted.id().value()));
  }

  void createCustom(ApiCall<Caller> call) {
    ObjectNode body = call.objectBody();
    JsonNode lead = body.get("LeadDetails");
    if (lead == null || lead.isNull()) {
      throw RuleViolationException.invalidInput("LeadDetails", "It is required.");
    }
    ObjectNode activity = JsonValues.object(body.get("Activity"), "Activity");
    ActivityService.Posted posted =
        activities.postWithLead(
            call.caller(), LeadDetails.from(lead), NewActivity.onLeadToFind(activity));
    call.respond(Success.withIdAndRelatedId(posted.id().value(), posted.leadId().value()));
  }

  @JsonPropertyOrder({"Status", "Message"})
  record MessageView(
      @JsonProperty("Status") String status, @JsonProperty("Message") Message message) {

    record Message(@JsonProperty("Message") String message) {}
  }

  void deleteActivities(ApiCall<Caller> call) {
    deletion.delete(call.caller(), ActivityDeletion.Request.from(call.objectBody()));
    call.respond(
        new MessageView(
            "Success",
            new MessageView.Message("Your request for delete activities has been queued.")));
  }

  /** {@code ?code=}: deleted, or deactivated when activities are of the type. */
  void deleteType(ApiCall<Caller> call) {
    int code =
        EventCodes.parse(
            call.query("code")
                .orElseThrow(() -> RuleViolationException.invalidInput("code", "It is required.")));
    String message =
        switch (deletion.deleteType(call.caller(), code)) {
          case DELETED -> "The Activity is deleted.";
          case DEACTIVATED -> "The Activity seems to be in use. Hence the activity is deactivated.";
        };
    call.respond(new MessageView("Success", new MessageView.Message(message)));
  }

  void addAttachment(ApiCall<Caller> call) {
    call.respond(
        Success.withId(attachments.add(call.caller(), AttachmentDraft.from(call.objectBody()))));
  }

  void update(ApiCall<Caller> call) {
    ActivityId id = updates.update(call.caller(), ActivityUpdate.from(call.objectBody()));
    call.respond(Success.withId(id.value()));
  }

  void bulkUpdate(ApiCall<Caller> call) {
    List<ActivityUpdateService.BulkItem> items = new ArrayList<>();
    for (JsonNode element : call.arrayBody()) {
      JsonNode id = element.isObject() ? element.get("ProspectActivityId") : null;
      String idText = id != null && id.isValueNode() && !id.isNull() ? id.asText() : null;
      items.add(
          new ActivityUpdateService.BulkItem(
              idText, () -> ActivityUpdate.from(JsonValues.object(element, "Each item"))));
    }
    call.respond(
        new BulkView(
            updates.updateEach(call.caller(), items).stream().map(BulkResultView::of).toList()));
  }

  void bulkAddByLeadId(ApiCall<Caller> call) {
    bulkAdd(
        call,
        item -> {
          String lead = JsonValues.scalarText(item.get("RelatedProspectId"), "RelatedProspectId");
          return NewActivity.bulkItem(item, LeadId.parse(lead, "RelatedProspectId"));
        });
  }

  /** Each item names its lead by {@code SearchByValue}, of the attribute {@code searchBy} names. */
  void bulkAddByLeadField(ApiCall<Caller> call) {
    SearchBy searchBy = SearchBy.parse(call.query("searchBy").orElse("EmailAddress"));
    var orgId = call.caller().orgId();
    bulkAdd(
        call,
        item -> {
          String value = JsonValues.scalarText(item.get("SearchByValue"), "SearchByValue");
          if (value == null || value.isBlank()) {
            throw RuleViolationException.invalidInput("SearchByValue", "It is required.");
          }
          return NewActivity.bulkItem(item, activities.leadBy(orgId, searchBy, value));
        });
  }

  private void bulkAdd(ApiCall<Caller> call, Function<ObjectNode, NewActivity> read) {
    List<Supplier<NewActivity>> items = new ArrayList<>();
    for (JsonNode element : call.arrayBody()) {
      items.add(() -> read.apply(JsonValues.object(element, "Each item")));
    }
    List<BulkItems.Outcome<ActivityService.Posted>> outcomes =
        activities.postEach(call.caller(), items);
    List<BulkPostView> rows = new ArrayList<>();
    for (int i = 0; i < outcomes.size(); i++) {
      rows.add(BulkPostView.of(i + 1, outcomes.get(i)));
    }
    call.respond(new BulkPostsView(rows));
  }

  void history(ApiCall<Caller> call) {
    ChangeQuery query = ChangeQuery.from(call.objectBody());
    Page<ActivityHistory> page = updates.history(call.caller().orgId(), query);
    call.respond(
        new HistoriesView(
            page.total(),
            page.items().stream()
                .map(
                    h ->
                        new HistoryView(
                            baseRow(h.activity()),
                            h.changes().stream().map(ChangeView::of).toList()))
                .toList()));
  }

  void retrieve(ApiCall<Caller> call) {
    var query = LeadActivitiesQuery.from(call.query("leadId").orElse(null), call.objectBody());
    Page<TypedActivity> page = activities.forLead(call.caller().orgId(), query);
    call.respond(
        new LeadActivitiesView(
            page.total(),
            page.items().stream()
                .map(typed -> LeadActivityView.of(withFileUrlsIfAsked(call, typed)))
                .toList()));
  }

  void details(ApiCall<Caller> call) {
    ActivityId id = ActivityId.parse(call.query("activityId").orElse(null), "activityId");
    TypedActivity stored = activities.details(call.caller().orgId(), id);
    Map<String, String> fileStatuses = activities.fileStatuses(stored);
    boolean fileUrls = fileUrlsAsked(call);
    TypedActivity typed = fileUrls ? stored.withFileUrls(call.baseUrl()) : stored;
    Activity activity = typed.activity();
    Map<String, String> values = new LinkedHashMap<>();
    values.put(SystemFields.NOTE, activity.note());
    values.put(SystemFields.STATUS, activity.status());
    values.put(SystemFields.OWNER, activity.owner().value());
    values.putAll(typed.currentFieldValues());
    List<DetailFieldView> fields =
        Stream.concat(SystemFields.ALL.stream(), typed.type().fields().stream())
            .map(
                field ->
                    detailField(
                        field,
                        values.get(field.schemaName()),
                        fileStatuses.get(field.schemaName()),
                        field.dataType() == DataType.CUSTOM_OBJECT
                            ? ActivityViews.formProperties(
                                field,
                                stored.activity().fieldValues().get(field.schemaName()),
                                fileUrls ? call.baseUrl() : null)
                            : null))
            .toList();
    ActivityType type = typed.type();
    List<AttachmentView> attached =
        type.allowAttachments()
            ? attachments.of(stored).stream()
                .map(a -> AttachmentView.of(a, fileUrls ? call.baseUrl() : null))
                .toList()
            : null;
    call.respond(
        new DetailsView(activity.id().value(), type.name(), type.name(), fields, attached));
  }

  /** {@code getFileURL=true} (its name in any case, as clients spell it): files as their URLs. */
  private static TypedActivity withFileUrlsIfAsked(ApiCall<Caller> call, TypedActivity typed) {
    return fileUrlsAsked(call) ? typed.withFileUrls(call.baseUrl()) : typed;
  }

  private static boolean fileUrlsAsked(ApiCall<Caller> call) {
    return call.query("getFileURL")
        .map(value -> value.strip().equalsIgnoreCase("true"))
        .orElse(false);
  }

  void recentlyModified(ApiCall<Caller> call) {
    RecentQuery query = RecentQuery.from(call.objectBody());
    var orgId = call.caller().orgId();
    Page<TypedActivity> page = activities.recentlyModified(orgId, query);
    Map<UserId, String> names = new HashMap<>();
    call.respond(
        new RecentActivitiesView(
            page.total(),
            page.items().stream()
                .map(
                    typed ->
                        RecentActivityView.of(
                            typed,
                            query.includeCustomFields(),
                            id -> names.computeIfAbsent(id, u -> activities.userName(orgId, u))))
                .toList()));
  }

  void ofType(ApiCall<Caller> call) {
    TypeQuery query = TypeQuery.from(call.objectBody());
    Page<TypedActivity> page = activities.ofType(call.caller().orgId(), query);
    List<Map<String, String>> rows =
        page.items().stream().map(typed -> row(typed, query.removeEmptyValues())).toList();
    call.respond(new TypeActivitiesView(page.total(), rows.isEmpty() ? null : rows));
  }
}
