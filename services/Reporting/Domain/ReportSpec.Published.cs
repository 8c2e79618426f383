using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.Reporting.V1;
using M = ComplaintsPlatform.Reporting.Domain.Metrics;

namespace ComplaintsPlatform.Reporting.Domain;

/// <summary>The tables councils print as they print them: the Stage 2 table, the contact-types table, officer time.</summary>
public sealed partial record ReportSpec
{
    /// <summary>Requests for Stage 2, granted, refused, and the outcomes of those granted; every percentage says its base.</summary>
    private static ReportSpec Stage2Reviews()
    {
        CountColumn Outcome(string key, string label, string metric, string code) => new(key, label, metric, a => a.Stage == 2 && a.Code == code);
        List<CountColumn> counts =
        [
            new("requests", "Stage 2 requests received", M.EscalationRequested, a => a.Stage == 1),
            new("granted", "Stage 2 granted", M.EscalationAccepted, a => a.Stage == 2),
            new("refused", "Stage 2 refused", M.EscalationRefused, a => a.Stage == 1),
            Outcome("upheld", "Stage 2: upheld", M.Finding, nameof(Finding.Upheld)),
            Outcome("partly_upheld", "Stage 2: partly upheld", M.Finding, nameof(Finding.PartlyUpheld)),
            Outcome("not_upheld", "Stage 2: not upheld", M.Finding, nameof(Finding.NotUpheld)),
            Outcome("no_finding", "Stage 2: no finding", M.Finding, nameof(Finding.NoFinding)),
            Outcome("withdrawn", "Stage 2: withdrawn", M.Ending, nameof(CaseEnding.Withdrawn)),
        ];
        List<DerivedColumn> derived = [Percent("refused_rate", "% refused (of requests)", 2, 0)];
        foreach (var (key, label, at) in new[] { ("upheld", "upheld", 3), ("partly_upheld", "partly upheld", 4), ("not_upheld", "not upheld", 5), ("withdrawn", "withdrawn", 7) })
        {
            derived.Add(Percent(key + "_of_granted", $"% {label} (of granted)", at, 1));
            derived.Add(Percent(key + "_of_requests", $"% {label} (of requests)", at, 0));
        }
        return new("Stage 2 reviews", true, counts, [], derived, ByStreamAndStage: true);
    }

    /// <summary>One count per kind of contact (a column here, a row once the table is turned): the total is all of them.</summary>
    internal static ReportSpec ContactTypes()
    {
        string[] informal = [nameof(TriageDecision.Enquiry), nameof(TriageDecision.ResolvedByComplaintsTeam), nameof(TriageDecision.ServiceRequest)];
        CountColumn Complaints(ComplaintStream stream) =>
            new("complaints_" + stream, Labels.Stream(stream) + " complaints", M.Opened, a => a.Stream == (short)stream);
        List<CountColumn> counts =
        [
            new("enquiries", "Enquiries, comments and informal resolution", M.Triage, a => informal.Contains(a.Code)),
            Complaints(ComplaintStream.Corporate),
            Complaints(ComplaintStream.AdultSocialCare),
            Complaints(ComplaintStream.ChildrenSocialCare),
            Complaints(ComplaintStream.Housing),
            new("ombudsman_enquiries", "Ombudsman enquiries", M.Ombudsman),
            new("compliments", "Compliments", M.Compliment),
        ];
        var previous = counts.Select((c, i) => Previous(i, c.Label + ": previous year") with { Key = "previous:" + c.Key }).ToList();
        return new("Contacts by type", false, counts, [], previous, NeedsPrevious: true, ByStreamAndStage: true);
    }

    /// <summary>Officer time: cases first, so minutes (an amount) are hidden with them in a public table.</summary>
    private static ReportSpec OfficerTime() => new("Officer time spent on complaints", true,
    [
        new("cases", "Cases with time logged", M.OfficerTimeCase),
        new("entries", "Time entries", M.OfficerTime),
        new("minutes", "Minutes", M.OfficerTime, UseAmount: true),
    ], [],
    [
        new("hours", "Hours", Unit.Count, (row, _) => row.Hidden[2] ? Hidden() : Value(Math.Round(row.Values[2] / 60.0, 1))),
        new("minutes_per_case", "Minutes per case", Unit.Count, (row, _) =>
            row.Hidden[0] || row.Hidden[2] ? Hidden() : row.Values[0] == 0 ? Empty() : Value(Math.Round((double)row.Values[2] / row.Values[0], 1))),
    ]);
}
