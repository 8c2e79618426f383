using ComplaintsPlatform.Import;
using ComplaintsPlatform.Ombudsman.V1;
using ComplaintsPlatform.OmbudsmanLiaison.Data;
using V1Ombudsman = ComplaintsPlatform.Ombudsman.V1.Ombudsman;

namespace ComplaintsPlatform.OmbudsmanLiaison.Import;

/// <summary>A historic enquiry and its decision as enquiries.csv gives it (docs/import/ombudsman.md): ids, codes and dates only.</summary>
internal sealed record HistoricEnquiry(
    V1Ombudsman Ombudsman, string OmbudsmanReference, string CaseReference, string DirectorateId, DateOnly ReceivedOn, bool PreAllocation,
    OmbudsmanDecision Decision, DateOnly? DecidedOn, ClosureReason ClosureReason, bool? Injustice, bool SatisfactoryRemedy,
    bool PublicInterestReport, DateOnly? ReportIssuedOn, DateOnly? PublicNoticeGivenOn, DateOnly? ReportResponseSentOn,
    IReadOnlyList<HousingDetermination> HousingDeterminations)
{
    public string SourceId => $"{Ombudsman}:{OmbudsmanReference}";

    public bool Decided => Decision != OmbudsmanDecision.Unspecified || HousingDeterminations.Count > 0;
}

/// <summary>Reads a row with the same rules RecordDecision applies to a live decision, every fault reported by column.</summary>
internal static class EnquiryRows
{
    public static readonly string[] Required = ["ombudsman", "ombudsman_reference", "directorate", "received"];

    public static HistoricEnquiry? Read(CsvRow row, DateOnly today, IReadOnlyList<string> directorates)
    {
        var ombudsman = row.Enum<V1Ombudsman>("ombudsman", "OMBUDSMAN_", required: true);
        var reference = row.Text("ombudsman_reference", 50, required: true) ?? "";
        var caseReference = row.Text("case_reference", 100) ?? "";
        var directorate = row.Text("directorate", 100, required: true) ?? "";
        var received = row.Date("received", required: true);
        var decision = row.Enum<OmbudsmanDecision>("decision", "OMBUDSMAN_DECISION_");
        var decided = row.Date("decided");
        var closure = row.Enum<ClosureReason>("closure_reason", "CLOSURE_REASON_");
        var injustice = row.Boolean("injustice");
        var report = row.Boolean("public_interest_report") ?? false;
        var issued = row.Date("report_issued");
        var noticeGiven = row.Date("public_notice_given");
        var responseSent = row.Date("report_response_sent");
        var preAllocation = row.Boolean("pre_allocation") ?? false;
        var satisfactory = row.Boolean("satisfactory_remedy") ?? false;
        var determinations = HousingDeterminations(row);
        if (directorates.Count > 0 && directorate.Length > 0 && !directorates.Contains(directorate))
        {
            row.Fail("directorate", $"'{directorate}' is not one of the council's directorates");
        }
        NotAfter(row, "received", received, today);
        NotAfter(row, "decided", decided, today);
        if (decided < received)
        {
            row.Fail("decided", "is before the enquiry was received");
        }
        var housing = ombudsman == V1Ombudsman.Housing;
        if (housing && decision is not null)
        {
            row.Fail("decision", "is the LGSCO's: give a Housing Ombudsman enquiry's determination in housing_determinations");
        }
        if (!housing && determinations.Count > 0)
        {
            row.Fail("housing_determinations", "are recorded on HOUSING enquiries only");
        }
        if (housing && (satisfactory || report))
        {
            row.Fail(satisfactory ? "satisfactory_remedy" : "public_interest_report",
                "is the LGSCO's: record the Housing Ombudsman's REASONABLE_REDRESS as a determination");
        }
        var determined = decision is not null || determinations.Count > 0;
        if (determined && decided is null && row.Optional("decided") is null)
        {
            row.Fail("decided", "is required when the decision is given");
        }
        if (!determined && decided is not null)
        {
            row.Fail(housing ? "housing_determinations" : "decision", "is required when decided is given");
        }
        var upheld = decision == OmbudsmanDecision.Upheld;
        if (decision == OmbudsmanDecision.AssessedAndClosed && closure is null && row.Optional("closure_reason") is null)
        {
            row.Fail("closure_reason", "is required for ASSESSED_AND_CLOSED");
        }
        if (decision != OmbudsmanDecision.AssessedAndClosed && closure is not null)
        {
            row.Fail("closure_reason", "is given only for ASSESSED_AND_CLOSED");
        }
        if (upheld && injustice is null && row.Optional("injustice") is null)
        {
            row.Fail("injustice", "is required for UPHELD: say whether the fault caused injustice");
        }
        if (!upheld && injustice is not null)
        {
            row.Fail("injustice", "is given only for UPHELD");
        }
        if (!upheld && report)
        {
            row.Fail("public_interest_report", "follows only an UPHELD decision");
        }
        if (!row.IsValid)
        {
            return null;
        }
        return new HistoricEnquiry(ombudsman!.Value, reference, caseReference, directorate, received!.Value, preAllocation,
            decision ?? OmbudsmanDecision.Unspecified, decided, closure ?? ClosureReason.Unspecified, injustice, satisfactory,
            report, report ? issued ?? decided : null, noticeGiven, responseSent, determinations);
    }

    /// <summary>The Housing Ombudsman's determination of each element, separated by semicolons (e.g. MALADMINISTRATION;SERVICE_FAILURE).</summary>
    private static List<HousingDetermination> HousingDeterminations(CsvRow row)
    {
        var determinations = new List<HousingDetermination>();
        foreach (var part in (row.Optional("housing_determinations") ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var name = part.ToUpperInvariant().Replace(' ', '_').Replace('-', '_');
            if (name.StartsWith("HOUSING_DETERMINATION_", StringComparison.Ordinal))
            {
                name = name["HOUSING_DETERMINATION_".Length..];
            }
            if (DomainNames<HousingDetermination>.TryParse(name, out var determination) && determination != HousingDetermination.Unspecified)
            {
                determinations.Add(determination);
            }
            else
            {
                row.Fail("housing_determinations", $"'{part}' is not one of {string.Join(", ", Enum.GetValues<HousingDetermination>().Skip(1).Select(DomainNames<HousingDetermination>.Name))}");
            }
        }
        return determinations;
    }

    private static void NotAfter(CsvRow row, string column, DateOnly? date, DateOnly today)
    {
        if (date > today)
        {
            row.Fail(column, "is in the future");
        }
    }
}
