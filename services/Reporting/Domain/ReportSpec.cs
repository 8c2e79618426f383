using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.Reporting.V1;

namespace ComplaintsPlatform.Reporting.Domain;

/// <summary>What each report counts, how its columns add up, and what it derives.</summary>
public sealed partial record ReportSpec(
    string Title, bool Performance, IReadOnlyList<CountColumn> Counts, IReadOnlyList<int[]> ColumnSets,
    IReadOnlyList<DerivedColumn> Derived, bool NeedsPrevious = false, bool ByStreamAndStage = false)
{
    public IEnumerable<string> Metrics => Counts.Select(c => c.Metric)
        .Concat(Counts.Any(c => c.Metric == Domain.Metrics.Response) ? [Domain.Metrics.ResponseDays] : []).Distinct();

    public static ReportSpec For(ReportKind kind, IReadOnlyCollection<Agg> current, Func<string, string, string> label) => kind switch
    {
        ReportKind.Contacts => Contacts(),
        ReportKind.Complaints => WithChange("Complaints received", new("complaints", "Complaints", Domain.Metrics.Opened)),
        ReportKind.TopServiceAreas => new("Top service areas by complaints", false,
            [new("complaints", "Complaints", Domain.Metrics.Opened)], [], [Previous(0, "Last year")], true),
        ReportKind.ChannelMix => ChannelMix(),
        ReportKind.MemberEnquiries => WithChange("Member enquiries", new("member_enquiries", "Member enquiries", Domain.Metrics.Member)),
        ReportKind.StageFunnel => new("Stage funnel", false,
        [
            new("stage1", "Stage 1 complaints", Domain.Metrics.Opened),
            new("escalation_requests", "Escalation requests", Domain.Metrics.EscalationRequested),
            new("stage2_accepted", "Stage 2 accepted", Domain.Metrics.EscalationAccepted),
            new("stage2_refused", "Stage 2 refused", Domain.Metrics.EscalationRefused),
            new("ombudsman_enquiries", "Ombudsman enquiries", Domain.Metrics.Ombudsman),
        ], [], []),
        ReportKind.Findings => Findings(),
        ReportKind.Timeliness => Timeliness(),
        ReportKind.NatureCategories => ByCode("Nature categories (learning recorded)", Domain.Metrics.Learning, "nature_categories", current, label, false),
        ReportKind.Remedies => Remedies(ByCode("Remedies by type", Domain.Metrics.Remedy, "remedy_types", current, label, true)),
        ReportKind.Learning => Learning(),
        ReportKind.Compliments => WithChange("Compliments", new("compliments", "Compliments", Domain.Metrics.Compliment)),
        ReportKind.EscalationRefusals => ByCode("Escalations refused by reason", Domain.Metrics.EscalationRefused, "escalation_refusal_reasons",
            current, label, false, totalLabel: "Escalations refused"),
        ReportKind.OmbudsmanEnquiries => WithChange("Ombudsman enquiries", new("enquiries", "Enquiries", Domain.Metrics.Ombudsman)),
        ReportKind.OmbudsmanDecisions => OmbudsmanDecisions(),
        ReportKind.OmbudsmanInvestigations => OmbudsmanInvestigations(),
        ReportKind.OmbudsmanRemedies => OmbudsmanRemedies(),
        ReportKind.StatutoryStages => StatutoryStages(),
        ReportKind.Stage2Reviews => Stage2Reviews(),
        ReportKind.ContactTypes => ContactTypes(),
        ReportKind.OfficerTime => OfficerTime(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static ReportSpec WithChange(string title, CountColumn column) =>
        new(title, false, [column], [], [Previous(0, "Previous year"), Change(0)], true);

    private static ReportSpec Contacts()
    {
        var kinds = Enum.GetValues<ContactKind>().Where(k => k != ContactKind.Unspecified)
            .Select(k => new CountColumn("received_" + k, "Received: " + Labels.Inline(Labels.Kind(k)), Domain.Metrics.Contact, a => a.Kind == (short)k));
        var decisions = Enum.GetValues<TriageDecision>().Where(d => d != TriageDecision.Unspecified)
            .Select(d => new CountColumn("triaged_" + d, "Triaged: " + Labels.Inline(Labels.Decision(d)), Domain.Metrics.Triage, a => a.Code == d.ToString()));
        List<CountColumn> counts = [new("received", "Received", Domain.Metrics.Contact), .. kinds, .. decisions];
        var kindCount = Enum.GetValues<ContactKind>().Length - 1;
        return new("Contacts by kind and triage decision", false, counts,
            [[0, .. Enumerable.Range(1, kindCount)]], [Previous(0, "Received previous year"), Change(0)], true);
    }

    private static ReportSpec ChannelMix()
    {
        var channels = Enum.GetValues<Channel>().Where(c => c != Channel.Unspecified)
            .Select(c => new CountColumn("channel_" + c, Labels.Channel(c), Domain.Metrics.Contact, a => a.Channel == (short)c)).ToList();
        return new("Contact channel mix", false, [new("total", "Total", Domain.Metrics.Contact), .. channels],
            [[0, .. Enumerable.Range(1, channels.Count)]], []);
    }

    private static ReportSpec Findings()
    {
        CountColumn F(string key, string label, params string[] codes) => new(key, label, Domain.Metrics.Finding, a => codes.Contains(a.Code));
        CountColumn E(string key, string label, string code) => new(key, label, Domain.Metrics.Ending, a => a.Code == code);
        return new("Findings", true,
        [
            F("upheld", "Upheld", "Upheld"),
            F("partly_upheld", "Partly upheld", "PartlyUpheld"),
            F("fault_found", "Fault found (upheld + partly upheld)", "Upheld", "PartlyUpheld"),
            F("not_upheld", "Not upheld", "NotUpheld"),
            F("no_finding", "No finding", "NoFinding"),
            E("withdrawn", "Withdrawn", "Withdrawn"),
            E("resolved_early", "Resolved early", "ResolvedEarly"),
            E("no_written_response", "No written response", "NoWrittenResponse"),
            new("total", "Total outcomes", Domain.Metrics.Finding, a => a.Code != "Unspecified"),
        ],
        [[2, 0, 1], [8, 2, 3, 4], [8, 0, 1, 3, 4]],
        [Percent("fault_found_rate", "% fault found", 2, 8)]);
    }

    private static ReportSpec Timeliness()
    {
        CountColumn R(string key, string label, string code) => new(key, label, Domain.Metrics.Response, a => a.Code == code);
        return new("Timeliness", true,
        [
            new("acknowledged", "Acknowledged", Domain.Metrics.Ack),
            new("ack_on_time", "Acknowledged on time", Domain.Metrics.Ack, a => a.Code == "on_time"),
            new("ack_late", "Acknowledged late", Domain.Metrics.Ack, a => a.Code == "late"),
            R("responses", "Responses", "total"),
            R("within_original", "Within original deadline", "orig"),
            R("within_extension", "Within extended deadline only", "ext_only"),
            R("over", "Over deadline", "over"),
            R("extensions_used", "Extensions used", "extended"),
        ],
        [[0, 1, 2], [3, 4, 5, 6]],
        [
            Percent("ack_on_time_rate", "% acknowledged on time", 1, 0),
            Percent("within_original_rate", "% within original deadline", 4, 3),
            new("within_extended_rate", "% within deadline incl. extensions", Unit.Percent, (row, _) =>
                row.Hidden[3] || row.Hidden[4] || row.Hidden[5] ? Hidden() : Ratio(row.Values[4] + row.Values[5], row.Values[3])),
            new("average_days", "Average working days", Unit.WorkingDays, (row, _) =>
                row.Hidden[3] ? Hidden() : row.Values[3] == 0 ? Empty() : Value(Math.Round(row.Days.Sum(d => (double)d.Key * d.Value) / row.Days.Values.Sum(), 1))),
            new("p90_days", "90th percentile working days", Unit.WorkingDays, (row, _) =>
                row.Hidden[3] ? Hidden() : row.Days.Count == 0 ? Empty() : Value(Percentile(row.Days, 0.9))),
        ]);
    }

    private static ReportSpec Learning() => new("Learning", true,
    [
        new("lessons", "Lessons recorded", Domain.Metrics.Learning),
        new("actions", "Learning actions", Domain.Metrics.Learning, UseAmount: true),
        new("fault_found", "Complaints with fault found", Domain.Metrics.FaultFound),
        new("fault_with_lesson", "Fault found with a lesson", Domain.Metrics.FaultWithLesson),
    ], [], [Percent("fault_with_lesson_rate", "% of fault found with a lesson", 3, 2)]);

    private static ReportSpec ByCode(string title, string metric, string list, IReadOnlyCollection<Agg> current, Func<string, string, string> label, bool money,
        string totalLabel = "Total")
    {
        var codes = current.Where(a => a.Metric == metric).Select(a => a.Code).Distinct().Order(StringComparer.Ordinal).ToList();
        List<CountColumn> counts = [new("total", totalLabel, metric), .. codes.Select(c => new CountColumn(c, label(list, c), metric, a => a.Code == c))];
        if (money)
        {
            counts.Add(new("financial_pence", "Total financial remedy", metric, UseAmount: true, Unit: Unit.Pence));
        }
        return new(title, true, counts, [[0, .. Enumerable.Range(1, codes.Count)]], []);
    }

    /// <summary>Council remedies seen through: completed (and late) in the period, and those agreed in it still outstanding.</summary>
    private static ReportSpec Remedies(ReportSpec byType) => byType with
    {
        Counts =
        [
            .. byType.Counts,
            new("completed", "Completed", Domain.Metrics.RemedyCompleted),
            new("completed_on_time", "Completed by the due date", Domain.Metrics.RemedyCompleted, a => a.Code == "on_time"),
            new("completed_late", "Completed late", Domain.Metrics.RemedyCompleted, a => a.Code == "late"),
            new("outstanding", "Agreed and still outstanding", Domain.Metrics.RemedyOutstanding),
        ],
        ColumnSets = [.. byType.ColumnSets, [byType.Counts.Count, byType.Counts.Count + 1, byType.Counts.Count + 2]],
        Derived = [Percent("completed_late_rate", "% completed late (of completed)", byType.Counts.Count + 2, byType.Counts.Count)],
    };

    public static int Percentile(SortedDictionary<int, long> histogram, double p)
    {
        var total = histogram.Values.Sum();
        var rank = (long)Math.Ceiling(p * total);
        long seen = 0;
        foreach (var (days, count) in histogram)
        {
            seen += count;
            if (seen >= rank)
            {
                return days;
            }
        }
        return histogram.Keys.Last();
    }

    private static DerivedColumn Previous(int column, string label) => new("previous_" + column, label, Unit.Count, (_, previous) =>
        previous is null ? Value(0) : previous.Hidden[column] ? Hidden() : Value(previous.Values[column]));

    private static DerivedColumn Change(int column) => new("change_" + column, "% change", Unit.Percent, (row, previous) =>
        previous is null || previous.Values[column] == 0 ? Empty()
        : row.Hidden[column] || previous.Hidden[column] ? Hidden()
        : Value(Math.Round(100.0 * (row.Values[column] - previous.Values[column]) / previous.Values[column], 1)));

    private static DerivedColumn Percent(string key, string label, int part, int whole) => new(key, label, Unit.Percent, (row, _) =>
        row.Hidden[part] || row.Hidden[whole] ? Hidden() : Ratio(row.Values[part], row.Values[whole]));

    private static Cell Ratio(long part, long whole) => whole == 0 ? Empty() : Value(Math.Round(100.0 * part / whole, 1));

    private static Cell Value(double value) => new() { Value = value };

    private static Cell Hidden() => new() { Suppressed = true };

    private static Cell Empty() => new() { Empty = true };
}
