using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Reporting.V1;
using static ComplaintsPlatform.Reporting.Tests.YearGenerator;

namespace ComplaintsPlatform.Reporting.Tests;

/// <summary>Working days counted with the council's own calendar, as CaseWorkflow publishes its settings.</summary>
public sealed class CouncilCalendarTests
{
    [Fact]
    public async Task A_Scottish_councils_response_days_skip_the_Scottish_summer_bank_holiday_and_its_closure_days()
    {
        await using var host = await ReportingHost.StartAsync();
        var scottish = Council.Configuration.Clone();
        scottish.Version = 2;
        scottish.Council.Division = CaseWorkflow.V1.Division.Scotland;
        scottish.Council.CloseOfBusiness = "17:00";
        scottish.Council.ClosureDays.Add(D(new DateOnly(2025, 7, 31)));
        host.CaseWorkflow.Publish(scottish);
        var opened = new DateOnly(2025, 7, 28);
        var header = new CaseEventHeader { CaseId = "scottish-adult-1", Stream = ComplaintStream.AdultSocialCare, Stage = 1, OccurredOn = D(opened) };
        host.CaseWorkflow.Publish(new CaseOpened { Header = header, ServiceAreaId = Council.Highways, ReceivedAt = Noon(opened) });
        var responded = header.Clone();
        responded.OccurredOn = D(new DateOnly(2025, 8, 5));
        host.CaseWorkflow.Publish(new ResponseSent { Header = responded, Overall = Finding.NotUpheld, WithinOriginalDeadline = true });
        await host.CaughtUpAsync();

        var table = await host.Team.GetReportAsync(ReportingHost.Request(ReportKind.StatutoryStages, 2025, Basis.Resolved, Grouping.Stream));

        // 29 and 30 July, 1 and 5 August: not 31 July (closed) nor 4 August (Scotland's summer bank holiday).
        // England and Wales would have counted 6.
        var column = table.Columns.Select((c, i) => (c.Key, i)).Single(c => c.Key == "stage1_average_days").i;
        Assert.Equal(4, table.Rows.Single(r => r.Key == "stream:AdultSocialCare").Cells[column].Value);
    }
}
