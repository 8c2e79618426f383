using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Reporting.V1;
using Grpc.Core;
using static ComplaintsPlatform.Reporting.Tests.YearGenerator;

namespace ComplaintsPlatform.Reporting.Tests.Published;

/// <summary>The events a council's history raises as CaseWorkflow imports it (flagged imported), written briefly.</summary>
internal sealed class SeedEvents(ReportingHost host, string prefix)
{
    private int _next;

    public string Open(ComplaintStream stream, string area, DateOnly received)
    {
        var id = $"{prefix}-{++_next}";
        host.CaseWorkflow.Publish(new CaseOpened { Header = Header(id, stream, 1, received), ServiceAreaId = area, ReceivedAt = Noon(received) });
        return id;
    }

    public void Respond(string id, ComplaintStream stream, int stage, DateOnly on, Finding finding) =>
        host.CaseWorkflow.Publish(new ResponseSent
        {
            Header = Header(id, stream, stage, on), Overall = finding, WithinOriginalDeadline = true, WithinExtendedDeadline = true, FinalStage = stage == 2,
        });

    public void RequestStage2(string id, ComplaintStream stream, DateOnly on) =>
        host.CaseWorkflow.Publish(new EscalationRequested { Header = Header(id, stream, 1, on), WithinWindow = true });

    public void Grant(string id, ComplaintStream stream, DateOnly on) =>
        host.CaseWorkflow.Publish(new EscalationAccepted { Header = Header(id, stream, 1, on), ToStage = 2 });

    public void Refuse(string id, ComplaintStream stream, DateOnly on) =>
        host.CaseWorkflow.Publish(new EscalationRefused { Header = Header(id, stream, 1, on), ReasonCode = "no_new_issues" });

    public void Withdraw(string id, ComplaintStream stream, int stage, DateOnly on) =>
        host.CaseWorkflow.Publish(new CaseEnded { Header = Header(id, stream, stage, on), Ending = CaseEnding.Withdrawn });

    public static CaseEventHeader Header(string id, ComplaintStream stream, int stage, DateOnly on) =>
        new() { CaseId = id, Stream = stream, Stage = stage, OccurredOn = D(on), Imported = true };

    /// <summary>A scrutiny client reading with an API key the complaints team issued.</summary>
    public static async Task<(V1.Reporting.ReportingClient Client, Metadata Key)> ApiKeyAsync(ReportingHost host)
    {
        var issued = await host.Team.IssueApiKeyAsync(new IssueApiKeyRequest { Name = "Scrutiny analyst" });
        return (new V1.Reporting.ReportingClient(host.CreateChannel()), new Metadata { { "x-api-key", issued.Secret } });
    }

    public static double Cell(ReportTable table, string column, string? row = null) =>
        Domain.Cells.Of(table, column, row) is { Suppressed: false, Empty: false } cell ? cell.Value : double.NaN;
}
