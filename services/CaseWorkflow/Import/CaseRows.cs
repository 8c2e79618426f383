using ComplaintsPlatform.CaseWorkflow.Domain.Cases;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Import;

namespace ComplaintsPlatform.CaseWorkflow.Import;

/// <summary>
/// A row of cases.csv read into a <see cref="HistoricCase"/> (docs/import/cases.md): every fault of the
/// row is reported at once by column; the order of events the rules need is checked when it is replayed.
/// </summary>
internal static class CaseRows
{
    public static readonly string[] Required = ["source_id", "stream", "service_area", "received"];

    public static HistoricCase? Read(CsvRow row, CaseImportContext context)
    {
        var sourceId = row.Text("source_id", 96, required: true) ?? "";
        var stream = row.Enum<ComplaintStream>("stream", "COMPLAINT_STREAM_", required: true);
        var serviceArea = row.Text("service_area", 100, required: true) ?? "";
        var team = row.Text("team", 100) ?? "";
        var received = row.Instant("received", context.TimeZone, required: true);
        var finding = row.Enum<Finding>("finding", "FINDING_");
        var responded = row.Date("responded");
        var stage2Finding = row.Enum<Finding>("stage2_finding", "FINDING_");
        var stage2Responded = row.Date("stage2_responded");
        var accepted = row.Date("escalation_accepted");
        var refused = row.Date("escalation_refused");
        var refusalReason = row.Text("refusal_reason", 100) ?? "";
        var ending = row.Enum<CaseEnding>("ending", "CASE_ENDING_");
        var ended = row.Date("ended");
        var nature = row.Text("nature_category", 100) ?? "";
        var history = new HistoricCase
        {
            SourceId = sourceId,
            Reference = row.Text("reference", 100) ?? $"IMP-{sourceId}",
            Stream = stream ?? ComplaintStream.Unspecified,
            DirectorateId = "",
            ServiceAreaId = serviceArea,
            TeamId = team,
            HandlerId = row.Text("handler", 200) ?? "",
            ReceivedAt = received ?? default,
            AcknowledgeDue = row.Date("acknowledge_due"),
            AcknowledgedOn = row.Date("acknowledged"),
            RespondDue = row.Date("respond_due"),
            ExtensionWorkingDays = row.Integer("extension_working_days", 1, 200),
            ExtendedOn = row.Date("extended_on"),
            RespondedOn = responded,
            Finding = finding ?? Finding.Unspecified,
            EscalationRequestedOn = row.Date("escalation_requested"),
            EscalationAcceptedOn = accepted,
            EscalationRefusedOn = refused,
            RefusalReasonCode = refusalReason,
            Stage2HandlerId = row.Text("stage2_handler", 200) ?? "",
            Stage2AcknowledgedOn = row.Date("stage2_acknowledged"),
            Stage2RespondDue = row.Date("stage2_respond_due"),
            Stage2RespondedOn = stage2Responded,
            Stage2Finding = stage2Finding ?? Finding.Unspecified,
            Ending = ending ?? CaseEnding.Unspecified,
            EndedOn = ended,
            NatureCategory = nature,
            RootCause = row.Text("root_cause", 100) ?? "",
            OfficerMinutes = row.Integer("officer_minutes", 1, 1_000_000),
        };
        history = Statutory(row, history);
        Pair(row, "responded", responded, "finding", finding);
        Pair(row, "stage2_responded", stage2Responded, "stage2_finding", stage2Finding);
        Pair(row, "ended", ended, "ending", ending);
        if (refused is not null && refusalReason.Length == 0)
        {
            row.Fail("refusal_reason", "is required when the escalation was refused");
        }
        if (accepted is not null && refused is not null)
        {
            row.Fail("escalation_refused", "an escalation is either accepted or refused, not both");
        }
        if (ending is not (null or CaseEnding.Withdrawn or CaseEnding.ResolvedEarly or CaseEnding.NoWrittenResponse))
        {
            row.Fail("ending", "is WITHDRAWN, RESOLVED_EARLY or NO_WRITTEN_RESPONSE (a response is given by responded and finding)");
        }
        if (received > context.Now)
        {
            row.Fail("received", "is in the future");
        }
        CheckCodes(row, history, context);
        return row.IsValid ? history with { DirectorateId = context.DirectorateOf(serviceArea) } : null;
    }

    /// <summary>The steps the social care regulations add: read for every stream, required only where the stream's procedure asks for them.</summary>
    private static HistoricCase Statutory(CsvRow row, HistoricCase h)
    {
        var panel = (row.Text("panel_members", 700) ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var read = h with
        {
            DiscussionOffered = row.Boolean("discussion_offered"),
            DiscussionAccepted = row.Boolean("discussion_accepted") ?? false,
            ResponsePeriodAgreedOn = row.Date("response_period_agreed"),
            AgreedResponseDue = row.Date("agreed_response_due"),
            Eligibility = row.Enum<Eligibility>("eligibility", "ELIGIBILITY_") ?? Eligibility.Unspecified,
            EligibilityRecordedOn = row.Date("eligibility_recorded"),
            AdvocateOfferedOn = row.Date("advocate_offered"),
            AdvocateAccepted = row.Boolean("advocate_accepted") ?? false,
            IndependentPersonId = row.Text("independent_person", 200) ?? "",
            IndependentPersonAppointedOn = row.Date("independent_person_appointed"),
            ComplaintRecordAgreedOn = row.Date("complaint_record_agreed"),
            Stage3RequestedOn = row.Date("stage3_requested"),
            Stage3AcceptedOn = row.Date("stage3_accepted"),
            Stage3HandlerId = row.Text("stage3_handler", 200) ?? "",
            PanelMemberIds = panel,
            PanelAppointedOn = row.Date("panel_appointed"),
            PanelMetOn = row.Date("panel_met"),
            PanelReportedOn = row.Date("panel_reported"),
            Stage3RespondedOn = row.Date("stage3_responded"),
            Stage3Finding = row.Enum<Finding>("stage3_finding", "FINDING_") ?? Finding.Unspecified,
        };
        Pair(row, "stage3_responded", read.Stage3RespondedOn, "stage3_finding", read.Stage3Finding == Finding.Unspecified ? (Finding?)null : read.Stage3Finding);
        if (read.Stream == ComplaintStream.AdultSocialCare && read.AcknowledgedOn is not null && read.DiscussionOffered is null)
        {
            row.Fail("discussion_offered", "is required for adult social care: the 2009 regulations' acknowledgement offers to discuss how the complaint will be handled (yes or no)");
        }
        if (read.AgreedResponseDue is null && read.ResponsePeriodAgreedOn is not null)
        {
            row.Fail("agreed_response_due", "is required when response_period_agreed is given");
        }
        if (read.Stream == ComplaintStream.ChildrenSocialCare && read.Eligibility == Eligibility.Unspecified)
        {
            row.Fail("eligibility", "is required for children's social care: CHILD_OR_YOUNG_PERSON, SUFFICIENT_INTEREST or NOT_ELIGIBLE (the 2006 regulations)");
        }
        if (read.Stream == ComplaintStream.ChildrenSocialCare && read.Stage2RespondedOn is not null && read.IndependentPersonId.Length == 0)
        {
            row.Fail("independent_person", "is required for a children's Stage 2 investigation (the 2006 regulations)");
        }
        if (read.Stage3AcceptedOn is not null && read.Stage3RequestedOn is null)
        {
            row.Fail("stage3_requested", "is required when stage3_accepted is given");
        }
        if (read.Stage3RequestedOn is not null && read.Stage2RespondedOn is null)
        {
            row.Fail("stage3_requested", "a review panel follows the Stage 2 response (stage2_responded)");
        }
        return read;
    }

    private static void CheckCodes(CsvRow row, HistoricCase h, CaseImportContext context)
    {
        if (h.ServiceAreaId.Length > 0 && context.DirectorateOf(h.ServiceAreaId).Length == 0)
        {
            row.Fail("service_area", $"'{h.ServiceAreaId}' is not a service area of the council");
        }
        else if (h.TeamId.Length > 0 && !context.IsTeamOf(h.ServiceAreaId, h.TeamId))
        {
            row.Fail("team", $"'{h.TeamId}' is not a team of that service area");
        }
        if (h.RefusalReasonCode.Length > 0 && !context.IsListCode("escalation_refusal_reasons", h.RefusalReasonCode))
        {
            row.Fail("refusal_reason", $"'{h.RefusalReasonCode}' is not in the council's escalation_refusal_reasons list");
        }
        if (h.NatureCategory.Length > 0 && !context.IsListCode("nature_categories", h.NatureCategory))
        {
            row.Fail("nature_category", $"'{h.NatureCategory}' is not in the council's nature_categories list");
        }
        if (h.Stream != ComplaintStream.Unspecified && context.PolicyOn(h.Stream, DateOnly.MinValue) is null)
        {
            row.Fail("stream", $"there is no procedure policy for {h.Stream}");
        }
    }

    // A date and its outcome come together: a response has its finding, an ending its date.
    private static void Pair<T>(CsvRow row, string dateColumn, DateOnly? date, string codeColumn, T? code) where T : struct
    {
        if (date is not null && code is null && row.Optional(codeColumn) is null)
        {
            row.Fail(codeColumn, $"is required when {dateColumn} is given");
        }
        else if (date is null && code is not null && row.Optional(dateColumn) is null)
        {
            row.Fail(dateColumn, $"is required when {codeColumn} is given");
        }
    }
}
