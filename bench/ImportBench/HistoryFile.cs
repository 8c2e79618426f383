using System.Text;

namespace ComplaintsPlatform.CaseWorkflow.ImportBench;

/// <summary>
/// A council's cases from 2019 to 2025 in the cases.csv layout, in the shapes history has: most answered
/// at Stage 1, some escalated and answered again, some refused escalation, some withdrawn; a fixed seed.
/// </summary>
internal static class HistoryFile
{
    private static readonly (string Area, string Team)[] s_areas =
    [
        ("highways-maintenance", "highways-north"), ("highways-maintenance", "highways-south"), ("libraries", ""),
    ];
    private static readonly string[] s_findings = ["UPHELD", "PARTLY_UPHELD", "NOT_UPHELD"];
    private static readonly string[] s_natures = ["DELAY_IN_RESPONSE", "FAILURE_TO_PROVIDE_SERVICE", "STAFF_ATTITUDE"];

    public static byte[] Generate(int cases)
    {
        var random = new Random(2019);
        var csv = new StringBuilder(cases * 160);
        csv.Append("source_id,stream,service_area,team,handler,received,acknowledged,responded,finding,")
            .Append("escalation_requested,escalation_accepted,escalation_refused,refusal_reason,stage2_acknowledged,stage2_responded,stage2_finding,")
            .Append("ending,ended,nature_category,officer_minutes\n");
        var first = new DateOnly(2019, 1, 7);
        for (var i = 0; i < cases; i++)
        {
            var received = Weekday(first.AddDays(random.Next(0, 6 * 365)));
            var (area, team) = s_areas[random.Next(s_areas.Length)];
            var ack = Weekday(received.AddDays(random.Next(1, 6)));
            var responded = Weekday(ack.AddDays(random.Next(7, 20)));
            var shape = random.Next(100);
            var finding = s_findings[random.Next(s_findings.Length)];
            csv.Append("HIST-").Append(i).Append(",CORPORATE,").Append(area).Append(',').Append(team).Append(",officer-").Append(i % 40)
                .Append(',').Append(Iso(received)).Append(" 10:00,");
            if (shape < 10)
            {
                // Withdrawn before acknowledgement.
                csv.Append(",,,,,,,,,,WITHDRAWN,").Append(Iso(ack)).Append(',');
            }
            else
            {
                csv.Append(Iso(ack)).Append(',').Append(Iso(responded)).Append(',').Append(finding).Append(',');
                var requested = Weekday(responded.AddDays(random.Next(2, 20)));
                if (shape < 25)
                {
                    var accepted = Weekday(requested.AddDays(1));
                    var ack2 = Weekday(accepted.AddDays(random.Next(1, 5)));
                    var responded2 = Weekday(ack2.AddDays(random.Next(10, 30)));
                    csv.Append(Iso(requested)).Append(',').Append(Iso(accepted)).Append(",,,").Append(Iso(ack2)).Append(',')
                        .Append(Iso(responded2)).Append(',').Append(s_findings[random.Next(s_findings.Length)]).Append(",,,");
                }
                else if (shape < 30)
                {
                    csv.Append(Iso(requested)).Append(",,").Append(Iso(Weekday(requested.AddDays(2)))).Append(",ALREADY_DETERMINED,,,,,,");
                }
                else
                {
                    csv.Append(",,,,,,,,,");
                }
            }
            csv.Append(shape % 3 == 0 && shape >= 10 ? s_natures[random.Next(s_natures.Length)] : "").Append(',')
                .Append(shape % 2 == 0 ? (random.Next(30, 600)).ToString() : "").Append('\n');
        }
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    private static DateOnly Weekday(DateOnly d) => d.DayOfWeek switch
    {
        DayOfWeek.Saturday => d.AddDays(2),
        DayOfWeek.Sunday => d.AddDays(1),
        _ => d,
    };

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd");
}
