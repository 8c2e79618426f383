using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Ombudsman.V1;
using ComplaintsPlatform.OmbudsmanLiaison.Data;
using ComplaintsPlatform.OmbudsmanLiaison.Events;
using ComplaintsPlatform.TestInfrastructure;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static ComplaintsPlatform.OmbudsmanLiaison.Tests.EnquiryJourneyTests;
using Client = ComplaintsPlatform.Ombudsman.V1.OmbudsmanLiaison.OmbudsmanLiaisonClient;
using OmbudsmanBody = ComplaintsPlatform.Ombudsman.V1.Ombudsman;

namespace ComplaintsPlatform.OmbudsmanLiaison.Tests;

public sealed class AnnualLetterAndCalendarTests : IAsyncLifetime
{
    private OmbudsmanHost _host = null!;

    public async Task InitializeAsync() => _host = await OmbudsmanHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Client Officer => new(_host.CreateChannel(TestIdentity.Token(Roles.LinkOfficer)));

    private async Task<Enquiry> Register(string reference, Google.Type.Date received, bool preAllocation = false) =>
        await Officer.RegisterEnquiryAsync(new RegisterEnquiryRequest
        {
            Ombudsman = OmbudsmanBody.Lgsco, OmbudsmanReference = reference, ReceivedOn = received,
            DirectorateId = "corporate", PredatesPlatform = true, PreAllocation = preAllocation,
        });

    [Fact]
    public async Task Reconciliation_lists_every_difference_from_the_Ombudsmans_files()
    {
        var matching = await Register("24 000 001", D(2024, 5, 1));
        await Officer.RecordDecisionAsync(new RecordDecisionRequest { EnquiryId = matching.Id, Decision = OmbudsmanDecision.NotUpheld, DecidedOn = D(2024, 7, 1) });
        var differentDecision = await Register("24 000 002", D(2024, 6, 3));
        await Officer.RecordDecisionAsync(new RecordDecisionRequest
        {
            EnquiryId = differentDecision.Id, Decision = OmbudsmanDecision.Upheld, Injustice = true, DecidedOn = D(2024, 9, 2),
        });
        await Officer.AgreeRecommendationAsync(new AgreeRecommendationRequest
        {
            EnquiryId = differentDecision.Id, Type = RecommendationType.Apology, AgreedOn = D(2024, 9, 2), DueOn = D(2024, 10, 2), Description = "Apologise",
        });
        await Register("24 000 003", D(2024, 8, 5)); // not in their received file
        var wrongDate = await Register("24 000 004", D(2024, 9, 9));

        var result = await Officer.ReconcileAnnualLetterAsync(new ReconcileAnnualLetterRequest
        {
            Ombudsman = OmbudsmanBody.Lgsco, PeriodStart = D(2024, 4, 1), PeriodEnd = D(2025, 3, 31),
            ReceivedCsv = "Reference,Received date\n24 000 001,01/05/2024\n24 000 002,2024-06-03\n24 000 004,10/09/2024\n24 000 099,2024-10-01\n",
            DecidedCsv = "Reference,Decision,Decided date\n24 000 001,Not upheld,01/07/2024\n24 000 002,\"Closed after initial enquiries\",02/09/2024\n",
            ComplianceCsv = "Reference,Compliance\n24 000 002,Complied\n",
        });

        Assert.Equal(4, result.ReceivedRows);
        var found = result.Differences.Select(d => (d.File, d.OmbudsmanReference, d.Kind)).ToHashSet();
        Assert.Equal(
            new HashSet<(LetterFile, string, DifferenceKind)>
            {
                (LetterFile.Received, "24 000 004", DifferenceKind.DifferentDate),
                (LetterFile.Received, "24 000 099", DifferenceKind.MissingHere),
                (LetterFile.Received, "24 000 003", DifferenceKind.MissingThere),
                (LetterFile.Decided, "24 000 002", DifferenceKind.DifferentDecision),
                (LetterFile.Compliance, "24 000 002", DifferenceKind.DifferentCompliance),
            },
            found);
        Assert.Equal(5, result.Differences.Count);
        var compliance = result.Differences.Single(d => d.File == LetterFile.Compliance);
        Assert.Equal(("COMPLIED", "NOT_COMPLIED"), (compliance.Theirs, compliance.Ours));
        Assert.Equal("2024-09-09", result.Differences.Single(d => d.Kind == DifferenceKind.DifferentDate).Ours);
        _ = wrongDate;
    }

    [Fact]
    public async Task The_Ombudsmans_xlsx_files_are_read_like_its_CSV_and_agreements_are_listed_beside_differences()
    {
        var agreed = await Register("24 000 011", D(2024, 5, 1));
        await Officer.RecordDecisionAsync(new RecordDecisionRequest { EnquiryId = agreed.Id, Decision = OmbudsmanDecision.NotUpheld, DecidedOn = D(2024, 7, 1) });
        await Register("24 000 012", D(2024, 6, 3));

        var result = await Officer.ReconcileAnnualLetterAsync(new ReconcileAnnualLetterRequest
        {
            Ombudsman = OmbudsmanBody.Lgsco, PeriodStart = D(2024, 4, 1), PeriodEnd = D(2025, 3, 31),
            ReceivedXlsx = Google.Protobuf.ByteString.CopyFrom(Workbook.Build(
                ["Reference", "Received date"], ["24 000 011", new DateOnly(2024, 5, 1)], ["24 000 012", new DateOnly(2024, 6, 4)])),
            DecidedXlsx = Google.Protobuf.ByteString.CopyFrom(Workbook.Build(
                ["Reference", "Decision", "Decided date"], ["24 000 011", "Not upheld", "01/07/2024"])),
            ComplianceCsv = "Reference,Compliance\n",
        });

        Assert.Equal((2, 1, 0), (result.ReceivedRows, result.DecidedRows, result.ComplianceRows));
        var difference = Assert.Single(result.Differences);
        Assert.Equal((LetterFile.Received, "24 000 012", DifferenceKind.DifferentDate, "2024-06-04", "2024-06-03"),
            (difference.File, difference.OmbudsmanReference, difference.Kind, difference.Theirs, difference.Ours));
        Assert.Equal(
            [(LetterFile.Received, "24 000 011", "2024-05-01"), (LetterFile.Decided, "24 000 011", "NOT_UPHELD 2024-07-01")],
            result.Matches.Select(m => (m.File, m.OmbudsmanReference, m.Value)));
    }

    [Fact]
    public async Task A_bad_row_in_an_xlsx_file_is_refused_against_that_file_with_its_spreadsheet_row()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await Officer.ReconcileAnnualLetterAsync(new ReconcileAnnualLetterRequest
        {
            Ombudsman = OmbudsmanBody.Lgsco, PeriodStart = D(2024, 4, 1), PeriodEnd = D(2025, 3, 31),
            ReceivedCsv = "Reference,Received date\n",
            DecidedXlsx = Google.Protobuf.ByteString.CopyFrom(Workbook.Build(
                ["Reference", "Decision", "Decided date"], ["24 000 021", "Upheld", new DateOnly(2024, 7, 1)], ["24 000 022", "Maybe", new DateOnly(2024, 7, 2)])),
            ComplianceCsv = "Reference,Compliance\n",
        }));
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains("line 3", ex.Status.Detail);
        Assert.Contains("decided_xlsx", ex.Status.Detail);

        var notAWorkbook = await Assert.ThrowsAsync<RpcException>(async () => await Officer.ReconcileAnnualLetterAsync(new ReconcileAnnualLetterRequest
        {
            Ombudsman = OmbudsmanBody.Lgsco, PeriodStart = D(2024, 4, 1), PeriodEnd = D(2025, 3, 31),
            ReceivedXlsx = Google.Protobuf.ByteString.CopyFromUtf8("Reference,Received date\n"),
        }));
        Assert.Equal(StatusCode.InvalidArgument, notAWorkbook.StatusCode);
        Assert.Contains("not an .xlsx workbook", notAWorkbook.Status.Detail);
    }

    [Fact]
    public async Task An_unknown_decision_in_the_Ombudsmans_file_is_refused_with_its_line()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await Officer.ReconcileAnnualLetterAsync(new ReconcileAnnualLetterRequest
        {
            Ombudsman = OmbudsmanBody.Lgsco, PeriodStart = D(2024, 4, 1), PeriodEnd = D(2025, 3, 31),
            ReceivedCsv = "Reference,Received date\n", DecidedCsv = "Reference,Decision,Decided date\nX,Maybe,01/07/2024\n",
            ComplianceCsv = "Reference,Compliance\n",
        }));
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains("line 2", ex.Status.Detail);
    }

    [Fact]
    public async Task Benchmark_figures_are_kept_for_the_year_and_published_for_Reporting()
    {
        await Officer.RecordBenchmarkFiguresAsync(new RecordBenchmarkFiguresRequest
        {
            Year = 2024, Ombudsman = OmbudsmanBody.Lgsco,
            Council = new Figures { UpheldRateBasisPoints = 7500, UpheldPer100KHundredths = 412, ComplianceBasisPoints = 10_000, SatisfactoryRemedyBasisPoints = 1000 },
            CouncilTypeAverage = new Figures { UpheldRateBasisPoints = 8000, UpheldPer100KHundredths = 500, ComplianceBasisPoints = 9900, SatisfactoryRemedyBasisPoints = 1200 },
            Neighbours = { new NeighbourFigures { CouncilCode = "E10000018", CouncilName = "Leicestershire", Figures = new Figures { UpheldRateBasisPoints = 7000 } } },
            AnnualLetterReceivedOn = D(2025, 6, 18),
            AnnualLetter = new DocumentMetadata { FileName = "annual-letter-2024.pdf", DocumentReference = "edrms:2025/118" },
        });

        var stored = await Officer.GetBenchmarkFiguresAsync(new GetBenchmarkFiguresRequest { Year = 2024, Ombudsman = OmbudsmanBody.Lgsco });
        Assert.Equal(412, stored.Council.UpheldPer100KHundredths);
        var published = (BenchmarkFiguresRecorded)Assert.Single(await _host.EventsAsync(BenchmarkFiguresRecorded.Descriptor));
        Assert.Equal(3, published.Rows.Count);
        Assert.Equal("edrms:2025/118", published.AnnualLetterDocumentReference);

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await Officer.RecordBenchmarkFiguresAsync(new RecordBenchmarkFiguresRequest
        {
            Year = 2024, Ombudsman = OmbudsmanBody.Lgsco, Council = new Figures { UpheldRateBasisPoints = 12_000 },
        }));
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
    }

    [Fact]
    public async Task A_calendar_change_recomputes_working_day_deadlines_and_announces_the_moved_ones()
    {
        // Pre-allocation request received Mon 2 June 2025: due Mon 16 June with the default calendar.
        var enquiry = await Register("25 000 500", D(2025, 6, 2), preAllocation: true);
        enquiry = await Officer.RecordInformationRequestAsync(new RecordInformationRequestRequest
        {
            EnquiryId = enquiry.Id, RequestedOn = D(2025, 6, 2), Summary = "Initial enquiries",
        });
        Assert.Equal(D(2025, 6, 16), enquiry.Requests[0].DueOn);

        // The council closes on Friday 6 June: the deadline moves a working day later.
        var changed = new CalendarChanged
        {
            CalendarVersion = "test-calendar/council:closure",
            ConfigurationVersion = 2,
            Council = new CouncilSettings
            {
                Division = CaseWorkflow.V1.Division.EnglandAndWales, TimeZone = "Europe/London", CloseOfBusiness = "17:00",
                ClosureDays = { D(2025, 6, 6) },
            },
            Reason = "The council's calendar settings changed",
        };
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OmbudsmanLiaisonDbContext>();
            var handler = scope.ServiceProvider.GetRequiredService<CaseWorkflowEvents>();
            await handler.HandleAsync(db, new FeedEvent { EventId = Guid.NewGuid().ToString(), Payload = Any.Pack(changed) }, CancellationToken.None);
            await db.SaveChangesAsync();
        }

        var request = (await Officer.GetEnquiryAsync(new GetEnquiryRequest { EnquiryId = enquiry.Id })).Requests[0];
        Assert.Equal(D(2025, 6, 17), request.DueOn);
        Assert.Equal("test-calendar/council:closure", request.CalendarVersion);
        var announced = (await _host.EventsAsync(InformationRequestDue.Descriptor)).Cast<InformationRequestDue>().ToList();
        Assert.Equal([D(2025, 6, 16), D(2025, 6, 17)], announced.Select(a => a.DueOn));
    }
}
