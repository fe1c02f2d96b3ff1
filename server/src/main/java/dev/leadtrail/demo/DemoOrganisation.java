package dev.leadtrail.demo;

import dev.leadtrail.Leadtrail;
import dev.leadtrail.activity.ActivityId;
import dev.leadtrail.activity.FieldInput;
import dev.leadtrail.activity.NewActivity;
import dev.leadtrail.activity.NewActivityBuilder;
import dev.leadtrail.activitytype.ActivityTypeDraft;
import dev.leadtrail.activitytype.ActivityTypeDraftBuilder;
import dev.leadtrail.activitytype.DropdownOption;
import dev.leadtrail.activitytype.FieldDraft;
import dev.leadtrail.activitytype.FieldDraftBuilder;
import dev.leadtrail.auth.IssuedKey;
import dev.leadtrail.lead.Lead;
import dev.leadtrail.lead.LeadAttribute;
import dev.leadtrail.lead.LeadId;
import dev.leadtrail.org.OrgId;
import dev.leadtrail.user.Caller;
import dev.leadtrail.user.Role;
import dev.leadtrail.user.UserId;
import java.util.ArrayList;
import java.util.List;

/**
 * The organisation {@code leadtrail demo} runs with, holding what LeadSquared's documented samples
 * name: its keys are the samples' own words ({@code accessKey=AccessKey&secretKey=SecretKey}), its
 * user is the update sample's Owner, and activity 093d5c54-... of type 313 sits on a lead, so that
 * the samples run as pasted with only the host changed.
 */
public final class DemoOrganisation {

  public static final OrgId ORG_ID = new OrgId("5e1d0a3c-7b2f-4c89-9d41-6a0f2b8e4c17");
  public static final UserId USER_ID = new UserId("c7b539c1-3f7f-11e6-bec9-22000aa5088d");
  public static final IssuedKey KEYS = new IssuedKey("AccessKey", "SecretKey");
  public static final int EVENT_CODE = 313;
  public static final ActivityId ACTIVITY_ID =
      new ActivityId("093d5c54-6009-48d4-840e-84fd12e8d63a");
  public static final String LEAD_EMAIL = "jane.sample@example.com";

  /** A type with both kinds of file field, and an activity of it to try them on. */
  public static final int DOCUMENT_EVENT_CODE = 314;

  public static final ActivityId DOCUMENT_ACTIVITY_ID =
      new ActivityId("5f0c1a7e-2d4b-4e8a-9c3f-7b6d5e4a3c21");

  private DemoOrganisation() {}

  /** Creates whatever part of the demo organisation is missing; does nothing when all is there. */
  public static void ensure(Leadtrail leadtrail) {
    if (leadtrail.organisations().find(ORG_ID).isEmpty()) {
      leadtrail.organisations().create(ORG_ID, "Leadtrail Demo", "UTC");
    }
    if (leadtrail.users().find(ORG_ID, USER_ID).isEmpty()) {
      leadtrail
          .users()
          .create(ORG_ID, USER_ID, "Demo", "User", "demo.user@example.com", Role.ADMINISTRATOR);
    }
    if (!leadtrail.apiKeys().isLive(ORG_ID, KEYS.accessKey())) {
      leadtrail.apiKeys().issue(ORG_ID, USER_ID, KEYS);
    }
    var caller =
        new Caller(
            leadtrail.organisations().find(ORG_ID).orElseThrow(),
            leadtrail.users().find(ORG_ID, USER_ID).orElseThrow());
    if (leadtrail.activityTypes().list(ORG_ID).stream()
        .noneMatch(t -> t.eventCode() == EVENT_CODE)) {
      leadtrail.activityTypes().create(caller, salesCall(), EVENT_CODE);
    }
    if (leadtrail.activityTypes().list(ORG_ID).stream()
        .noneMatch(t -> t.eventCode() == DOCUMENT_EVENT_CODE)) {
      leadtrail.activityTypes().create(caller, documentReview(), DOCUMENT_EVENT_CODE);
    }
    LeadId lead =
        leadtrail
            .leads()
            .findByEmail(ORG_ID, LEAD_EMAIL)
            .map(Lead::id)
            .orElseGet(
                () ->
                    leadtrail
                        .leads()
                        .create(
                            caller,
                            List.of(
                                new LeadAttribute("FirstName", "Jane"),
                                new LeadAttribute("LastName", "Sample"),
                                new LeadAttribute("EmailAddress", LEAD_EMAIL))));
    if (leadtrail.activities().find(ORG_ID, ACTIVITY_ID).isEmpty()) {
      leadtrail.activities().post(caller, firstCall(lead));
    }
    if (leadtrail.activities().find(ORG_ID, DOCUMENT_ACTIVITY_ID).isEmpty()) {
      leadtrail.activities().post(caller, firstReview(lead));
    }
  }

  /**
   * Type 314: a plain File field, and a custom field set whose first sub-field is a File, the way
   * LeadSquared recommends keeping files.
   */
  public static ActivityTypeDraft documentReview() {
    FieldDraft documents =
        FieldDraftBuilder.builder(field(3, "Documents", "CustomObject"))
            .subFields(
                List.of(
                    subField(field(1, "Scan", "File")),
                    subField(
                        dropdown(2, "Review Status", false, "Pending", "Approved", "Rejected"))))
            .build();
    return ActivityTypeDraftBuilder.builder()
        .name("Document Review")
        .score(5)
        .description("A document a lead sent, and how its review went")
        .direction(0)
        .trackLocation(false)
        .allowAttachments(true)
        .showInActivityGrid(true)
        .canDeleteActivity(true)
        .active(true)
        .fields(
            List.of(
                field(1, "Reviewed Document", "File"), field(2, "Review Notes", "Text"), documents))
        .build();
  }

  /** A field draft as a sub-field of a custom field set: mx_CustomObject_N for mx_Custom_N. */
  private static FieldDraft subField(FieldDraft field) {
    return FieldDraftBuilder.builder(field)
        .schemaName(field.schemaName().replace("mx_Custom_", "mx_CustomObject_"))
        .build();
  }

  /**
   * Type 313 with mx_Custom_1..15 of a realistic mix of types, none mandatory: the shape of the
   * seed's sample, which the benchmark uses too.
   */
  public static ActivityTypeDraft salesCall() {
    List<FieldDraft> fields =
        List.of(
            field(1, "Call Subject", "String"),
            field(2, "Call Summary", "Text"),
            dropdown(3, "Lead Temperature", false, "Hot", "Warm", "Cold"),
            field(4, "Call Duration (minutes)", "Number"),
            field(5, "Follow-up Date", "Date"),
            field(6, "Next Meeting", "DateTime"),
            field(7, "Contact Email", "Email"),
            field(8, "Contact Phone", "Phone"),
            field(9, "Interested", "Boolean"),
            field(10, "Recording Link", "Url"),
            dropdown(11, "Channels", true, "Email", "Phone", "Meeting"),
            field(12, "Assisted By", "ActiveUsers"),
            field(13, "Competitor", "String"),
            field(14, "Deal Size", "Number"),
            field(15, "Attachment", "File"));
    return ActivityTypeDraftBuilder.builder()
        .name("Sales Call")
        .score(10)
        .description("A call with a lead")
        .direction(1)
        .trackLocation(false)
        .allowAttachments(true)
        .showInActivityGrid(true)
        .canDeleteActivity(true)
        .active(true)
        .fields(fields)
        .build();
  }

  private static FieldDraft field(int number, String displayName, String dataType) {
    return FieldDraftBuilder.builder()
        .schemaName("mx_Custom_" + number)
        .displayName(displayName)
        .dataType(dataType)
        .mandatory(false)
        .showInForm(true)
        .sequence(number)
        .options(List.of())
        .multiSelect(false)
        .build();
  }

  private static FieldDraft dropdown(
      int number, String displayName, boolean multiSelect, String... options) {
    List<DropdownOption> optionList = new ArrayList<>();
    for (String option : options) {
      optionList.add(new DropdownOption(option, option, optionList.isEmpty(), optionList.size()));
    }
    String type = multiSelect ? "SearchableDropdown" : "Dropdown";
    return FieldDraftBuilder.builder()
        .schemaName("mx_Custom_" + number)
        .displayName(displayName)
        .dataType(type)
        .mandatory(false)
        .showInForm(true)
        .sequence(number)
        .options(optionList)
        .multiSelect(multiSelect)
        .build();
  }

  private static NewActivity firstReview(LeadId lead) {
    return NewActivityBuilder.builder()
        .id(DOCUMENT_ACTIVITY_ID)
        .leadId(lead)
        .leadAttributes(List.of())
        .eventCode(DOCUMENT_EVENT_CODE)
        .note("Jane's documents, to review")
        .fields(List.of(new FieldInput("mx_Custom_2", "Waiting for the scan")))
        .skipOptionCheck(false)
        .build();
  }

  private static NewActivity firstCall(LeadId lead) {
    return NewActivityBuilder.builder()
        .id(ACTIVITY_ID)
        .leadId(lead)
        .leadAttributes(List.of())
        .eventCode(EVENT_CODE)
        .note("First call with Jane")
        .fields(
            List.of(
                new FieldInput("mx_Custom_1", "Introduction"),
                new FieldInput("mx_Custom_3", "Warm"),
                new FieldInput("mx_Custom_4", "15")))
        .skipOptionCheck(false)
        .build();
  }
}
