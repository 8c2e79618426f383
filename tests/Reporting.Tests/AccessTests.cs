using ComplaintsPlatform.Reporting.V1;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Reporting.Tests;

[Collection(GeneratedYearCollection.Name)]
public sealed class AccessTests(GeneratedYearFixture fixture)
{
    private ReportingHost Host => fixture.Host;

    private static async Task<StatusCode> StatusOf(Func<Task> call)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(call);
        return ex.StatusCode;
    }

    [Fact]
    public async Task Without_a_token_or_key_reports_are_refused_and_officers_other_than_leads_see_none()
    {
        var anonymous = new V1.Reporting.ReportingClient(Host.CreateChannel());
        Assert.Equal(StatusCode.Unauthenticated, await StatusOf(() => anonymous.GetReportAsync(ReportingHost.Request(ReportKind.Complaints)).ResponseAsync));
        Assert.Equal(StatusCode.PermissionDenied, await StatusOf(() => Host.Client("handler").GetReportAsync(ReportingHost.Request(ReportKind.Complaints)).ResponseAsync));
        Assert.Equal(StatusCode.PermissionDenied, await StatusOf(() => Host.Client("service_lead", Council.Corporate).RebuildAsync(new RebuildRequest()).ResponseAsync));
    }

    [Fact]
    public async Task A_service_lead_sees_only_their_directorate()
    {
        var table = await Host.Client("service_lead", Council.Corporate).GetReportAsync(ReportingHost.Request(ReportKind.Complaints, 2025, Basis.Received, Grouping.ServiceArea));
        var row = Assert.Single(table.Rows);
        Assert.Equal("service_area:" + Council.Libraries, row.Key);
        Assert.Equal(fixture.Year.Total(ReportKind.Complaints, "complaints", Basis.Received, 2025, Council.Corporate), (long)table.Total.Cells[0].Value);
        Assert.False(table.SuppressionApplied);
    }

    [Fact]
    public async Task Scrutiny_gets_suppressed_aggregates_for_whole_financial_years_only()
    {
        var scrutiny = Host.Client("scrutiny");
        var table = await scrutiny.GetReportAsync(ReportingHost.Request(ReportKind.Findings, 2025, Basis.Resolved, Grouping.ServiceArea));
        Assert.True(table.SuppressionApplied);
        Assert.All(table.Rows.Append(table.Total).SelectMany(r => r.Cells.Take(9)), c => Assert.True(c.Suppressed || c.Value == 0 || c.Value >= 5));

        var month = ReportingHost.Request(ReportKind.Findings);
        month.Period = new Period { Kind = PeriodKind.Month, Year = 2025, Number = 6 };
        Assert.Equal(StatusCode.PermissionDenied, await StatusOf(() => scrutiny.GetReportAsync(month).ResponseAsync));
        Assert.Equal(StatusCode.PermissionDenied, await StatusOf(() => scrutiny.GetReportAsync(ReportingHost.Request(ReportKind.Findings, grouping: Grouping.Team)).ResponseAsync));
        Assert.Equal(StatusCode.PermissionDenied, await StatusOf(() => scrutiny.IssueApiKeyAsync(new IssueApiKeyRequest { Name = "mine" }).ResponseAsync));
    }

    [Fact]
    public async Task An_api_key_issued_by_the_complaints_team_reads_the_public_view_until_revoked()
    {
        var issued = await Host.Team.IssueApiKeyAsync(new IssueApiKeyRequest { Name = "Scrutiny dashboard" });
        var stored = await Host.WithDbAsync(db => db.ApiKeys.AsNoTracking().SingleAsync(k => k.Id == Guid.Parse(issued.Key.KeyId)));
        Assert.NotEqual(issued.Secret, stored.Hash);
        Assert.DoesNotContain(issued.Secret, stored.Hash);

        var client = new V1.Reporting.ReportingClient(Host.CreateChannel());
        var headers = new Metadata { { "x-api-key", issued.Secret } };
        var table = await client.GetReportAsync(ReportingHost.Request(ReportKind.Complaints), headers);
        Assert.True(table.SuppressionApplied);
        var csv = await client.ExportCsvAsync(ReportingHost.Request(ReportKind.Complaints), headers);
        Assert.StartsWith("Group,Complaints", csv.Csv);
        Assert.Equal(StatusCode.Unauthenticated, await StatusOf(() => client.GetReportAsync(ReportingHost.Request(ReportKind.Complaints), new Metadata { { "x-api-key", "rpk_guess" } }).ResponseAsync));
        Assert.Equal(StatusCode.Unauthenticated, await StatusOf(() => client.ListApiKeysAsync(new ListApiKeysRequest(), headers).ResponseAsync));

        await Host.Team.RevokeApiKeyAsync(new RevokeApiKeyRequest { KeyId = issued.Key.KeyId });
        Assert.Equal(StatusCode.Unauthenticated, await StatusOf(() => client.GetReportAsync(ReportingHost.Request(ReportKind.Complaints), headers).ResponseAsync));
        var listed = Assert.Single((await Host.Team.ListApiKeysAsync(new ListApiKeysRequest())).Keys, k => k.KeyId == issued.Key.KeyId);
        Assert.NotNull(listed.RevokedAt);
    }
}
