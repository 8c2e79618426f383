using ComplaintsPlatform.Reporting.Reports;
using ComplaintsPlatform.Reporting.V1;
using Google.Protobuf;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintsPlatform.Reporting.Tests;

[Collection(GeneratedYearCollection.Name)]
public sealed class ManyTablesTests(GeneratedYearFixture fixture)
{
    [Theory]
    [InlineData(null)]
    [InlineData(Council.Corporate)]
    public async Task Tables_built_together_from_one_query_per_basis_equal_each_table_built_alone(string? directorate)
    {
        var audience = new ReportAudience(false, directorate);
        var requests = GeneratedYearTests.AllReports
            .SelectMany(r => new[] { Basis.Received, Basis.Resolved }.Select(b => ReportingHost.Request(r, 2025, b, Grouping.ServiceArea)))
            .Append(ReportingHost.Request(ReportKind.Timeliness, 2025, Basis.Resolved, Grouping.Stage))
            .ToList();
        var quarter = ReportingHost.Request(ReportKind.Complaints, 2025, Basis.Received);
        quarter.Period = new Period { Kind = PeriodKind.Quarter, Year = 2025, Number = 2 };
        requests.Add(quarter);

        await using var together = fixture.Host.Services.CreateAsyncScope();
        var many = await together.ServiceProvider.GetRequiredService<ReportBuilder>().BuildManyAsync(requests, audience, default);
        Assert.Equal(requests.Count, many.Count);
        var withRows = 0;
        for (var i = 0; i < requests.Count; i++)
        {
            await using var alone = fixture.Host.Services.CreateAsyncScope();
            var table = await alone.ServiceProvider.GetRequiredService<ReportBuilder>().BuildAsync(requests[i], audience, default);
            (table.AsOf, many[i].AsOf) = (null, null);
            withRows += table.Rows.Count > 0 ? 1 : 0;
            Assert.True(table.ToByteArray().AsSpan().SequenceEqual(many[i].ToByteArray()), $"{requests[i].Report} {requests[i].Basis} differs");
        }
        Assert.True(withRows > requests.Count / 2, $"only {withRows} tables have rows");
    }
}
