using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Reporting.V1;
using static ComplaintsPlatform.Reporting.Tests.YearGenerator;

namespace ComplaintsPlatform.Reporting.Tests;

/// <summary>
/// LearningRecorded describes a case's learning as it now stands: imported history raises it again for
/// each action added, and the counts follow the latest without counting the lessons twice.
/// </summary>
public sealed class LearningCountTests : IAsyncLifetime
{
    private ReportingHost _host = null!;

    public async Task InitializeAsync() => _host = await ReportingHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task An_imported_learning_action_adds_to_the_actions_count_and_the_case_lessons_count_once()
    {
        var received = new DateOnly(2025, 6, 2);
        var learnedOn = new DateOnly(2025, 6, 20);
        CaseEventHeader Header() => new() { CaseId = "case-l", Stream = ComplaintStream.Corporate, Stage = 1, OccurredOn = D(learnedOn), Imported = true };
        _host.CaseWorkflow.Publish(new CaseOpened
        {
            Header = new CaseEventHeader { CaseId = "case-l", Stream = ComplaintStream.Corporate, Stage = 1, OccurredOn = D(received), Imported = true },
            ServiceAreaId = Council.Libraries, ReceivedAt = Noon(received),
        });
        // cases.csv records the learning; case-actions.csv then adds its two actions one at a time.
        _host.CaseWorkflow.Publish(new LearningRecorded { Header = Header(), NatureCategoryCode = "delay", Actions = 0, ServiceAreaId = Council.Libraries });
        _host.CaseWorkflow.Publish(new LearningRecorded { Header = Header(), NatureCategoryCode = "delay", Actions = 1, ServiceAreaId = Council.Libraries });
        _host.CaseWorkflow.Publish(new LearningRecorded { Header = Header(), NatureCategoryCode = "delay", Actions = 2, ActionsDone = 1, ServiceAreaId = Council.Libraries });
        await _host.CaughtUpAsync();

        var learning = await _host.Team.GetReportAsync(ReportingHost.Request(ReportKind.Learning));
        var column = learning.Columns.Select((c, i) => (c.Key, i)).ToDictionary(x => x.Key, x => x.i);
        Assert.Equal((1d, 2d), (learning.Total.Cells[column["lessons"]].Value, learning.Total.Cells[column["actions"]].Value));
    }
}
