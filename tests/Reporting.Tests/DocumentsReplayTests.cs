using ComplaintsPlatform.Reporting.V1;
using Google.Protobuf;

namespace ComplaintsPlatform.Reporting.Tests;

[Collection(DocumentsCollection.Name)]
public sealed class DocumentsReplayTests(DocumentsFixture fixture)
{
    private static readonly ReportKind[] Tables =
        [ReportKind.OmbudsmanEnquiries, ReportKind.OmbudsmanDecisions, ReportKind.OmbudsmanInvestigations, ReportKind.OmbudsmanRemedies, ReportKind.EscalationRefusals, ReportKind.StatutoryStages];

    [Fact]
    public async Task A_rebuild_gives_identical_Ombudsman_and_statutory_tables_annual_letter_and_register_whatever_order_the_feeds_replay_in()
    {
        await fixture.Documents().UpdateSelfAssessmentEntryAsync(new UpdateSelfAssessmentEntryRequest { Year = 2025, Paragraph = "7.3", Status = ComplianceStatus.Partly, Evidence = "Two remedies late" });
        var before = await SnapshotAsync();

        await fixture.Host.Team.RebuildAsync(new RebuildRequest { Reason = "replay test" });
        await fixture.Host.CaughtUpAsync();

        var after = await SnapshotAsync();
        Assert.Equal(before.Count, after.Count);
        for (var i = 0; i < before.Count; i++)
        {
            Assert.True(before[i].SequenceEqual(after[i]), $"snapshot {i} differs after the rebuild");
        }
    }

    private async Task<List<byte[]>> SnapshotAsync()
    {
        var all = new List<byte[]>();
        foreach (var report in Tables)
        {
            foreach (var basis in new[] { Basis.Received, Basis.Resolved })
            {
                foreach (var grouping in new[] { Grouping.Directorate, Grouping.Stream })
                {
                    var table = await fixture.Host.Team.GetReportAsync(ReportingHost.Request(report, 2025, basis, grouping));
                    table.AsOf = null;
                    all.Add(table.ToByteArray());
                }
            }
        }
        var letter = await fixture.Documents().GetAnnualLetterAsync(new AnnualLetterRequest { Year = 2025 });
        letter.AsOf = null;
        all.Add(letter.ToByteArray());
        all.Add((await fixture.Documents().GetSelfAssessmentAsync(new GetSelfAssessmentRequest { Year = 2025 })).ToByteArray());
        return all;
    }
}
