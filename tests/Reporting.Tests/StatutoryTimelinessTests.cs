using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Reporting.V1;
using static ComplaintsPlatform.Reporting.Tests.YearGenerator;

namespace ComplaintsPlatform.Reporting.Tests;

/// <summary>Working days per statutory stage, from responses whose working days are known (June and July 2025 have no bank holidays).</summary>
public sealed class StatutoryTimelinessTests : IAsyncLifetime
{
    private static readonly DateOnly Monday = new(2025, 6, 2);
    private static readonly DateOnly Escalated = new(2025, 6, 30);
    private static readonly int[] ChildrenStage2 = [10, 10, 12, 15, 20];
    private static readonly int[] AdultStage1 = [2, 4, 6, 8, 30];

    private ReportingHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await ReportingHost.StartAsync();
        // Children's: stage 1 in 1..10 working days; five of them escalated and answered at stage 2.
        for (var i = 1; i <= 10; i++)
        {
            Respond(ComplaintStream.ChildrenSocialCare, $"child-{i}", 1, Monday, i, open: true);
            if (i <= ChildrenStage2.Length)
            {
                _host.CaseWorkflow.Publish(new EscalationAccepted { Header = Header(ComplaintStream.ChildrenSocialCare, $"child-{i}", 1, Escalated), ToStage = 2 });
                Respond(ComplaintStream.ChildrenSocialCare, $"child-{i}", 2, Escalated, ChildrenStage2[i - 1], open: false);
            }
        }
        for (var i = 0; i < AdultStage1.Length; i++)
        {
            Respond(ComplaintStream.AdultSocialCare, $"adult-{i}", 1, Monday, AdultStage1[i], open: true);
        }
        // A corporate case is not statutory and adds nothing.
        Respond(ComplaintStream.Corporate, "corporate-1", 1, Monday, 40, open: true);
        await _host.CaughtUpAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Each_statutory_stage_gives_the_average_and_90th_percentile_working_days_of_its_responses()
    {
        var table = await _host.Team.GetReportAsync(ReportingHost.Request(ReportKind.StatutoryStages, 2025, Basis.Resolved, Grouping.Stream));
        var column = table.Columns.Select((c, i) => (c.Key, i)).ToDictionary(x => x.Key, x => x.i);
        var children = table.Rows.Single(r => r.Key == "stream:ChildrenSocialCare");
        var adult = table.Rows.Single(r => r.Key == "stream:AdultSocialCare");

        Assert.Equal(5.5, children.Cells[column["stage1_average_days"]].Value);
        Assert.Equal(9, children.Cells[column["stage1_p90_days"]].Value);
        Assert.Equal(13.4, children.Cells[column["stage2_average_days"]].Value);
        Assert.Equal(20, children.Cells[column["stage2_p90_days"]].Value);
        Assert.True(children.Cells[column["stage3_average_days"]].Empty);
        Assert.True(children.Cells[column["stage3_p90_days"]].Empty);
        Assert.Equal(10, adult.Cells[column["stage1_average_days"]].Value);
        Assert.Equal(30, adult.Cells[column["stage1_p90_days"]].Value);
        // The council total is both streams together: fifteen stage 1 responses.
        Assert.Equal(Math.Round((55 + 50) / 15.0, 1), table.Total.Cells[column["stage1_average_days"]].Value);
        Assert.Equal(10, table.Total.Cells[column["stage1_p90_days"]].Value);
        Assert.DoesNotContain(table.Rows, r => r.Key == "stream:Corporate" && r.Cells[column["stage1_average_days"]].Value > 0);
    }

    [Fact]
    public async Task The_statutory_documents_state_each_stages_average_and_90th_percentile_working_days()
    {
        var documents = DocumentsFixture.Client(_host, "complaints_team");
        var year = new V1.Period { Kind = PeriodKind.FinancialYear, Year = 2025 };
        var children = (await documents.GetDocumentAsync(new DocumentRequest { Kind = DocumentKind.ChildrenSocialCare, Period = year })).Document;
        var timeliness = children.Sections.Single(s => s.Key == "timeliness").Paragraphs;
        Assert.EndsWith("late; 5.5 working days on average, 90% within 9.", timeliness[0]);
        Assert.EndsWith("late; 13.4 working days on average, 90% within 20.", timeliness[1]);
        Assert.EndsWith("late; not applicable working days on average, 90% within not applicable.", timeliness[2]);

        var adult = (await documents.GetDocumentAsync(new DocumentRequest { Kind = DocumentKind.AdultSocialCare, Period = year })).Document;
        Assert.Equal("Stage 1: 5 responses; 10 working days on average, 90% within 30.", adult.Sections.Single(s => s.Key == "timeliness").Paragraphs[0]);
    }

    private void Respond(ComplaintStream stream, string caseId, int stage, DateOnly start, int workingDays, bool open)
    {
        if (open)
        {
            _host.CaseWorkflow.Publish(new CaseOpened { Header = Header(stream, caseId, 1, start), ServiceAreaId = Council.Highways, ReceivedAt = Noon(start) });
        }
        var on = start;
        for (var left = workingDays; left > 0;)
        {
            on = on.AddDays(1);
            left -= on.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0 : 1;
        }
        _host.CaseWorkflow.Publish(new ResponseSent { Header = Header(stream, caseId, stage, on), Overall = Finding.NotUpheld, WithinOriginalDeadline = true });
    }

    private static CaseEventHeader Header(ComplaintStream stream, string caseId, int stage, DateOnly on) =>
        new() { CaseId = caseId, Stream = stream, Stage = stage, OccurredOn = D(on) };
}
