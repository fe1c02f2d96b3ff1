package dev.leadtrail.lead;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.leadtrail.error.RuleViolationException;
import dev.leadtrail.http.ApiCall;
import dev.leadtrail.http.ApiEndpoints;
import dev.leadtrail.http.ApiRoute;
import dev.leadtrail.http.Success;
import dev.leadtrail.user.Caller;
import java.util.List;

/** {@code LeadManagement.svc}: the lead calls activity clients make (contract section 6). */
public final class LeadEndpoints implements ApiEndpoints<Caller> {

  private final LeadService leads;

  public LeadEndpoints(LeadService leads) {
    this.leads = leads;
  }

  @Override
  public List<ApiRoute<Caller>> routes() {
    return List.of(
        ApiRoute.write("LeadManagement.svc/Lead.Create", this::create),
        ApiRoute.write("LeadManagement.svc/Lead.CreateOrUpdate", this::createOrUpdate),
        ApiRoute.write("LeadManagement.svc/Lead.Update", this::update),
        ApiRoute.write("LeadManagement.svc/Lead.Capture", this::capture),
        ApiRoute.read("LeadManagement.svc/Lead.Convert", this::convert),
        ApiRoute.get("LeadManagement.svc/Leads.GetById", this::getById),
        ApiRoute.get("LeadManagement.svc/Leads.GetByEmailaddress", this::getByEmailAddress),
        ApiRoute.get("LeadManagement.svc/Leads.GetByQuickSearch", this::quickSearch),
        ApiRoute.get("LeadManagement.svc/LeadsMetaData.Get", this::metaData));
  }

  void create(ApiCall<Caller> call) {
    LeadId id = leads.create(call.caller(), LeadAttribute.listFrom(call.body()));
    call.respond(Success.withId(id.value()));
  }

  void createOrUpdate(ApiCall<Caller> call) {
    LeadId id = leads.createOrUpdate(call.caller(), LeadDetails.from(call.body()));
    call.respond(Success.withIdAndAffectedRows(id.value(), 1));
  }

  void capture(ApiCall<Caller> call) {
    LeadService.Captured captured =
        leads.capture(
            call.caller(),
            LeadCapture.from(call.body(), call.query("LeadUpdateBehavior").orElse(null)));
    call.respond(Success.captured(captured.id().value(), captured.created()));
  }

  void convert(ApiCall<Caller> call) {
    LeadId id = leadId(call, "leadId");
    leads.convert(call.caller().orgId(), id);
    call.respond(Success.withIdAndAffectedRows(id.value(), 1));
  }

  void update(ApiCall<Caller> call) {
    LeadId id = leadId(call, "leadId");
    leads.update(call.caller(), id, LeadAttribute.listFrom(call.body()));
    call.respond(Success.withAffectedRows(1));
  }

  void getById(ApiCall<Caller> call) {
    LeadId id = leadId(call, "id");
    call.respond(leads.find(call.caller().orgId(), id).map(LeadRow::of).stream().toList());
  }

  void getByEmailAddress(ApiCall<Caller> call) {
    String email =
        call.query("emailaddress")
            .orElseThrow(
                () -> RuleViolationException.invalidInput("emailaddress", "It is required."));
    call.respond(
        leads.findByEmail(call.caller().orgId(), email).map(LeadRow::of).stream().toList());
  }

  @JsonPropertyOrder({
    "SchemaName",
    "DisplayName",
    "DataType",
    "IsMandatory",
    "MaxLength",
    "RenderTypeTextValue",
    "IsSearchable",
    "ShowInImport"
  })
  record FieldView(
      @JsonProperty("SchemaName") String schemaName,
      @JsonProperty("DisplayName") String displayName,
      @JsonProperty("DataType") String dataType,
      @JsonProperty("IsMandatory") boolean isMandatory,
      @JsonProperty("MaxLength") String maxLength,
      @JsonProperty("RenderTypeTextValue") String renderTypeTextValue,
      @JsonProperty("IsSearchable") boolean isSearchable,
      @JsonProperty("ShowInImport") boolean showInImport) {

    static FieldView of(LeadField field) {
      return new FieldView(
          field.schemaName(),
          field.displayName(),
          field.dataType(),
          false,
          String.valueOf(field.maxLength()),
          field.renderType(),
          true,
          true);
    }
  }

  /** Every lead field, or ({@code schemaName} given) that one, as an array. */
  void metaData(ApiCall<Caller> call) {
    var schemaName = call.query("schemaName").map(String::strip).filter(n -> !n.isEmpty());
    call.respond(
        leads.fields(call.caller().orgId()).stream()
            .filter(f -> schemaName.isEmpty() || f.schemaName().equalsIgnoreCase(schemaName.get()))
            .map(FieldView::of)
            .toList());
  }

  void quickSearch(ApiCall<Caller> call) {
    call.respond(
        leads.quickSearch(call.caller().orgId(), call.query("key").orElse(null)).stream()
            .map(LeadRow::of)
            .toList());
  }

  private static LeadId leadId(ApiCall<Caller> call, String parameter) {
    String text =
        call.query(parameter)
            .orElseThrow(() -> RuleViolationException.invalidInput(parameter, "It is required."));
    return LeadId.parse(text, parameter);
  }
}
