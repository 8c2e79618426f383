using System.Text;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Ombudsman.V1;
using ComplaintsPlatform.OmbudsmanLiaison.Events;
using ComplaintsPlatform.TestInfrastructure;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ComplaintsPlatform.OmbudsmanLiaison.Tests;

/// <summary>OmbudsmanImport over a real database: row errors by line and column, links to council cases, idempotency, dry runs, access.</summary>
public sealed class OmbudsmanImportTests : IAsyncLifetime
{
    private const string EnquiryHeader =
        "ombudsman,ombudsman_reference,case_reference,directorate,received,decision,decided,closure_reason,injustice,satisfactory_remedy,public_interest_report";
    private const string RecommendationHeader = "source_id,ombudsman,ombudsman_reference,type,amount_pence,agreed,due,completed";

    private static readonly string Enquiries = Csv(EnquiryHeader,
        "LGSCO,21 000 001,CMP-2021-0007,environment,2021-04-06,UPHELD,2021-09-14,,yes,no,no",
        "LGSCO,21 000 002,OLD-1999-12,environment,2021-05-10,ASSESSED_AND_CLOSED,2021-05-20,OUT_OF_TIME,,,",
        "LGSCO,21 000 003,CMP-2021-0007,environment,2021-06-01,PREMATURE,2021-06-08,,,,",
        "HOUSING,21 000 004,,housing,2021-13-01,,,,,,",
        "LGSCO,21 000 005,,environment,2021-07-01,NOT_UPHELD,2021-08-01,,yes,,",
        "LGSCO,21 000 006,,environment,2021-07-01,ASSESSED_AND_CLOSED,2021-08-01,,,,",
        "LGSCO,21 000 001,,environment,2021-04-06,,,,,,");

    private OmbudsmanHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await OmbudsmanHost.StartAsync();
        _host.CaseWorkflow.Cases["CMP-2021-0007"] = new FoundCase
        {
            CaseId = "case-7", Reference = "CMP-2021-0007", Stream = ComplaintStream.Corporate, DirectorateId = "environment", Status = CaseStatus.Closed,
        };
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Enquiries_with_bad_rows_report_line_and_column_and_the_good_ones_link_to_their_council_cases()
    {
        var report = await SendAsync(Client().ImportEnquiries(), "enquiries.csv", Enquiries);

        Assert.Equal((7, 3, 4), (report.RowsRead, report.RowsImported, report.RowsFailed));
        Assert.Equal([(5, "received"), (6, "injustice"), (7, "closure_reason"), (8, "ombudsman_reference")],
            report.Errors.Select(e => (e.Line, e.Column)).ToList());
        var received = (await _host.EventsAsync(EnquiryReceived.Descriptor)).Cast<EnquiryReceived>().ToList();
        Assert.Equal(["21 000 001", "21 000 002", "21 000 003"], received.Select(e => e.OmbudsmanReference).ToList());
        Assert.All(received, e => Assert.True(e.Imported));
        Assert.Equal(("case-7", false), (received[0].CaseId, received[0].PredatesPlatform));
        Assert.Equal(("", true, "OLD-1999-12"), (received[1].CaseId, received[1].PredatesPlatform, received[1].CaseReference));
        var decisions = (await _host.EventsAsync(OmbudsmanDecisionRecorded.Descriptor)).Cast<OmbudsmanDecisionRecorded>().ToList();
        Assert.Equal(new Google.Type.Date { Year = 2021, Month = 9, Day = 14 }, decisions[0].DecidedOn);
        Assert.True(decisions[0].Injustice);
        // A premature decision years ago sent nothing back to CaseWorkflow then; an import does not either.
        Assert.Empty(await _host.EventsAsync(ReferredBackForLocalResolution.Descriptor));
    }

    [Fact]
    public async Task Recommendations_join_upheld_enquiries_and_importing_both_files_again_changes_nothing()
    {
        await SendAsync(Client().ImportEnquiries(), "enquiries.csv", Enquiries);
        var recommendations = Csv(RecommendationHeader,
            "r-1,LGSCO,21 000 001,FINANCIAL,£250.00,2021-09-20,2021-10-19,2021-10-25",
            "r-2,LGSCO,21 000 001,APOLOGY,,,2021-10-12,2021-10-01",
            "r-3,LGSCO,21 000 002,APOLOGY,,,2021-10-12,",
            "r-4,LGSCO,99 999 999,APOLOGY,,,2021-10-12,",
            "r-5,LGSCO,21 000 001,FINANCIAL,,,2021-10-12,",
            "r-6,LGSCO,21 000 001,SERVICE_IMPROVEMENT,,2021-09-20,2021-09-01,");

        var report = await SendAsync(Client().ImportRecommendations(), "recommendations.csv", recommendations);

        Assert.Equal((6, 2, 4), (report.RowsRead, report.RowsImported, report.RowsFailed));
        Assert.Equal([(4, "ombudsman_reference"), (5, "ombudsman_reference"), (6, "amount_pence"), (7, "due")],
            report.Errors.Select(e => (e.Line, e.Column)).ToList());
        var completed = (await _host.EventsAsync(RecommendationCompleted.Descriptor)).Cast<RecommendationCompleted>().ToList();
        Assert.Equal([(25000L, true), (0L, false)], completed.Select(c => (c.AmountPence, c.Late)).ToList());
        Assert.All(completed, c => Assert.True(c.Imported));
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<ReminderScanner>().RunAsync(CancellationToken.None));
        }

        var events = (await _host.EventsAsync()).Count;
        var enquiriesAgain = await SendAsync(Client().ImportEnquiries(), "enquiries.csv", Enquiries);
        var recommendationsAgain = await SendAsync(Client().ImportRecommendations(), "recommendations.csv", recommendations);
        Assert.Equal((0, 3), (enquiriesAgain.RowsImported, enquiriesAgain.RowsUnchanged));
        Assert.Equal((0, 2), (recommendationsAgain.RowsImported, recommendationsAgain.RowsUnchanged));
        Assert.Equal(events, (await _host.EventsAsync()).Count);
        Assert.Equal(3, await _host.CountAsync("enquiries"));
    }

    [Fact]
    public async Task A_dry_run_validates_every_row_and_changes_nothing()
    {
        var dry = await SendAsync(Client().ImportEnquiries(), "enquiries.csv", Enquiries, dryRun: true);

        Assert.True(dry.DryRun);
        Assert.Equal((3, 4), (dry.RowsImported, dry.RowsFailed));
        Assert.Equal(0, await _host.CountAsync("enquiries"));
        Assert.Empty(await _host.EventsAsync());
    }

    [Fact]
    public async Task The_shipped_enquiries_and_recommendations_templates_import_without_a_fault()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Import", "Templates");
        var enquiries = await SendAsync(Client().ImportEnquiries(), "enquiries.csv", await File.ReadAllTextAsync(Path.Combine(folder, "enquiries.csv")));
        var recommendations = await SendAsync(Client().ImportRecommendations(), "recommendations.csv",
            await File.ReadAllTextAsync(Path.Combine(folder, "recommendations.csv")));

        Assert.Equal((4, 4), (enquiries.RowsRead, enquiries.RowsImported));
        Assert.Empty(enquiries.Errors);
        Assert.Equal((4, 4), (recommendations.RowsRead, recommendations.RowsImported));
        Assert.Empty(recommendations.Errors);
    }

    [Fact]
    public async Task Housing_Ombudsman_determinations_and_orders_import_on_housing_enquiries_only()
    {
        var enquiries = Csv(EnquiryHeader + ",housing_determinations",
            "HOUSING,2021001,,housing,2021-04-06,,2021-09-14,,,,,MALADMINISTRATION; service failure",
            "HOUSING,2021002,,housing,2021-04-06,,2021-09-14,,,,,NO_MALADMINISTRATION",
            "HOUSING,2021003,,housing,2021-04-06,UPHELD,2021-09-14,,yes,,,",
            "LGSCO,21 000 009,,environment,2021-04-06,NOT_UPHELD,2021-09-14,,,,,SERVICE_FAILURE",
            "HOUSING,2021004,,housing,2021-04-06,,2021-09-14,,,,,MILD_MALADMINISTRATION");
        var report = await SendAsync(Client().ImportEnquiries(), "enquiries.csv", enquiries);

        Assert.Equal((5, 2, 3), (report.RowsRead, report.RowsImported, report.RowsFailed));
        Assert.Equal([(4, "decision"), (5, "housing_determinations"), (6, "housing_determinations")],
            report.Errors.Select(e => (e.Line, e.Column)).Distinct().ToList());
        var decisions = (await _host.EventsAsync(OmbudsmanDecisionRecorded.Descriptor)).Cast<OmbudsmanDecisionRecorded>().ToList();
        Assert.Equal([HousingDetermination.Maladministration, HousingDetermination.ServiceFailure], decisions[0].HousingDeterminations);
        Assert.All(decisions, d => Assert.Equal(OmbudsmanDecision.Unspecified, d.Decision));

        var orders = Csv("source_id,ombudsman,ombudsman_reference,kind,type,amount_pence,agreed,due,completed",
            "o-1,HOUSING,2021001,ORDER,FINANCIAL,£300.00,,2021-10-12,2021-10-20",
            "o-2,HOUSING,2021001,RECOMMENDATION,PROCEDURE_CHANGE,,,2021-12-14,",
            "o-3,HOUSING,2021002,ORDER,APOLOGY,,,2021-10-12,",
            "o-4,HOUSING,2021001,DIRECTION,APOLOGY,,,2021-10-12,");
        var imported = await SendAsync(Client().ImportRecommendations(), "recommendations.csv", orders);

        Assert.Equal((4, 2, 2), (imported.RowsRead, imported.RowsImported, imported.RowsFailed));
        Assert.Equal([(4, "ombudsman_reference"), (5, "kind")], imported.Errors.Select(e => (e.Line, e.Column)).ToList());
        var complied = (OrderCompleted)Assert.Single(await _host.EventsAsync(OrderCompleted.Descriptor));
        Assert.Equal((30_000L, true, true), (complied.AmountPence, complied.Late, complied.Imported));
        Assert.Single(await _host.EventsAsync(RecommendationAgreed.Descriptor));
        Assert.Equal(1, await _host.CountAsync("orders"));
    }

    [Theory]
    [InlineData(Roles.LinkOfficer)]
    [InlineData(Roles.Handler)]
    public async Task Only_the_complaints_team_may_import(string role)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => SendAsync(Client(role).ImportEnquiries(), "enquiries.csv", Enquiries));
        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Equal(0, await _host.CountAsync("enquiries"));
    }

    private OmbudsmanImport.OmbudsmanImportClient Client(string role = Roles.ComplaintsTeam) =>
        new(_host.CreateChannel(TestIdentity.Token(role, "officer-cpt-01")));

    private static string Csv(string header, params string[] rows) => header + "\n" + string.Join("\n", rows) + "\n";

    private static async Task<ImportReport> SendAsync(AsyncClientStreamingCall<ImportChunk, ImportReport> call, string file, string csv, bool dryRun = false)
    {
        using (call)
        {
            try
            {
                var bytes = Encoding.UTF8.GetBytes(csv);
                for (var i = 0; i < bytes.Length; i += 64)
                {
                    await call.RequestStream.WriteAsync(new ImportChunk
                    {
                        SourceFile = i == 0 ? file : "", DryRun = dryRun, Data = ByteString.CopyFrom(bytes, i, Math.Min(64, bytes.Length - i)),
                    });
                }
                await call.RequestStream.CompleteAsync();
            }
            catch (Exception ex) when (ex is RpcException or InvalidOperationException)
            {
                // The server ended the call early (refused it): its status is the response's, awaited below.
            }
            return await call;
        }
    }
}
