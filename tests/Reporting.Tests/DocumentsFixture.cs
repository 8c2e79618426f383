using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Ombudsman.V1;
using ComplaintsPlatform.Reporting.V1;

namespace ComplaintsPlatform.Reporting.Tests;

/// <summary>
/// One host fed a generated year plus generated Ombudsman decisions, children's cases, the annual
/// letter's benchmark figures and two procedure policies (CORPORATE not conforming to the Code).
/// </summary>
public sealed class DocumentsFixture : IAsyncLifetime
{
    public const string CorporateDeviation = "Stage 1 extension of up to 15 working days: the Code allows at most 10 working days.";

    public ReportingHost Host { get; private set; } = null!;

    public YearGenerator Year { get; } = OmbudsmanGenerator.AddTo(YearGenerator.Generate());

    public static readonly BenchmarkFiguresRecorded Benchmarks = new()
    {
        Year = 2025,
        Ombudsman = Ombudsman.V1.Ombudsman.Lgsco,
        Rows =
        {
            new BenchmarkRow { Scope = BenchmarkScope.Council, CouncilCode = "Test County", UpheldRateBasisPoints = 6_500, UpheldPer100KHundredths = 412, ComplianceBasisPoints = 9_800, SatisfactoryRemedyBasisPoints = 1_200 },
            new BenchmarkRow { Scope = BenchmarkScope.CouncilTypeAverage, CouncilCode = "county", UpheldRateBasisPoints = 7_900, UpheldPer100KHundredths = 530, ComplianceBasisPoints = 9_950, SatisfactoryRemedyBasisPoints = 1_700 },
            new BenchmarkRow { Scope = BenchmarkScope.Neighbour, CouncilCode = "Northshire", UpheldRateBasisPoints = 8_100, UpheldPer100KHundredths = 610, ComplianceBasisPoints = 10_000, SatisfactoryRemedyBasisPoints = 900 },
            new BenchmarkRow { Scope = BenchmarkScope.Neighbour, CouncilCode = "Westshire", UpheldRateBasisPoints = 5_000, UpheldPer100KHundredths = 275, ComplianceBasisPoints = 9_000, SatisfactoryRemedyBasisPoints = 2_500 },
        },
    };

    public static ProcedurePolicyChanged Policy(ComplaintStream stream, int version, params (string Paragraph, string Message)[] deviations)
    {
        var changed = new ProcedurePolicyChanged { Policy = new ProcedurePolicy { Stream = stream, Version = version }, CodeChecked = true };
        changed.Deviations.AddRange(deviations.Select(d => new CodeDeviation { Paragraph = d.Paragraph, Message = d.Message }));
        return changed;
    }

    public ReportingDocuments.ReportingDocumentsClient Documents(string role = "complaints_team", string? directorate = null) =>
        Client(Host, role, directorate);

    public static ReportingDocuments.ReportingDocumentsClient Client(ReportingHost host, string role, string? directorate = null) =>
        new(host.CreateChannel(TestInfrastructure.TestIdentity.Token(role, "officer-1", null, directorate)));

    public async Task InitializeAsync()
    {
        Host = await ReportingHost.StartAsync();
        Year.PublishTo(Host);
        Host.Ombudsman.Publish(Benchmarks);
        Host.CaseWorkflow.Publish(Policy(ComplaintStream.Corporate, 2, ("6.4-6.5", CorporateDeviation), ("6.12", "Stage 2 may be considered by the Stage 1 handler.")));
        Host.CaseWorkflow.Publish(Policy(ComplaintStream.Housing, 1));
        await Host.CaughtUpAsync();
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class DocumentsCollection : ICollectionFixture<DocumentsFixture>
{
    public const string Name = "documents";
}
