using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Ombudsman.V1;
using ComplaintsPlatform.OmbudsmanLiaison.Data;
using ComplaintsPlatform.OmbudsmanLiaison.Domain;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using static ComplaintsPlatform.OmbudsmanLiaison.Domain.FactDates;

namespace ComplaintsPlatform.OmbudsmanLiaison.Grpc;

public sealed partial class OmbudsmanLiaisonService
{
    private const int MaxCsvLength = 5_000_000;

    [Authorize(Roles = Access.Writers)]
    public override async Task<Reconciliation> ReconcileAnnualLetter(ReconcileAnnualLetterRequest request, ServerCallContext context)
    {
        var v = new Validator();
        RequireKnown(request.Ombudsman, "ombudsman", v);
        var from = Read(request.PeriodStart, "period_start", v);
        var to = Read(request.PeriodEnd, "period_end", v);
        if (to < from)
        {
            v.Add("period_end", "must not be before period_start");
        }
        v.Require(request.ReceivedCsv.Length <= MaxCsvLength, "received_csv", "is too large");
        v.Require(request.DecidedCsv.Length <= MaxCsvLength, "decided_csv", "is too large");
        v.Require(request.ComplianceCsv.Length <= MaxCsvLength, "compliance_csv", "is too large");
        v.Require(request.ReceivedXlsx.Length <= MaxCsvLength, "received_xlsx", "is too large");
        v.Require(request.DecidedXlsx.Length <= MaxCsvLength, "decided_xlsx", "is too large");
        v.Require(request.ComplianceXlsx.Length <= MaxCsvLength, "compliance_xlsx", "is too large");
        v.ThrowIfInvalid();
        // A file sent as the Ombudsman's .xlsx takes the place of its CSV; either is read the same way.
        var files = new AnnualLetterReconciler.Files(
            FileText(request.ReceivedXlsx, "received_xlsx", request.ReceivedCsv),
            FileText(request.DecidedXlsx, "decided_xlsx", request.DecidedCsv),
            FileText(request.ComplianceXlsx, "compliance_xlsx", request.ComplianceCsv),
            request.ReceivedXlsx.IsEmpty ? "received_csv" : "received_xlsx",
            request.DecidedXlsx.IsEmpty ? "decided_csv" : "decided_xlsx",
            request.ComplianceXlsx.IsEmpty ? "compliance_csv" : "compliance_xlsx");

        var ours = await db.Enquiries.AsNoTracking().Include(e => e.Recommendations).Include(e => e.HousingFindings).Include(e => e.Orders).AsSplitQuery()
            .Where(e => e.Ombudsman == request.Ombudsman).ToListAsync(context.CancellationToken);
        return AnnualLetterReconciler.Reconcile(ours, files, from!.Value, to!.Value);
    }

    private static string FileText(ByteString xlsx, string field, string csv) =>
        xlsx.IsEmpty ? csv : OmbudsmanWorkbook.ToCsv(xlsx.ToByteArray(), field);

    [Authorize(Roles = Access.Writers)]
    public override async Task<BenchmarkFigures> RecordBenchmarkFigures(RecordBenchmarkFiguresRequest request, ServerCallContext context)
    {
        var calendar = await calendars.GetAsync(db, context.CancellationToken);
        var today = calendars.Today(calendar);
        var v = new Validator();
        v.Require(request.Year >= 2000 && request.Year <= today.Year, "year", $"must be between 2000 and {today.Year}");
        RequireKnown(request.Ombudsman, "ombudsman", v);
        v.Require(request.Council is not null, "council", "is required");
        ValidateFigures(request.Council, "council", v);
        ValidateFigures(request.CouncilTypeAverage, "council_type_average", v);
        for (var i = 0; i < request.Neighbours.Count; i++)
        {
            var neighbour = request.Neighbours[i];
            v.NotBlank(neighbour.CouncilCode, $"neighbours[{i}].council_code", 50);
            v.NotBlank(neighbour.CouncilName, $"neighbours[{i}].council_name", 200);
            v.Require(neighbour.Figures is not null, $"neighbours[{i}].figures", "is required");
            ValidateFigures(neighbour.Figures, $"neighbours[{i}].figures", v);
        }
        v.Require(request.Neighbours.Select(n => n.CouncilCode).Distinct().Count() == request.Neighbours.Count, "neighbours", "names a council twice");
        if (request.AnnualLetterReceivedOn is not null)
        {
            Happened(request.AnnualLetterReceivedOn, "annual_letter_received_on", v, today);
        }
        ValidateDocument(request.AnnualLetter, "annual_letter", v);
        v.ThrowIfInvalid();

        var caller = Caller.From(context);
        var figures = new BenchmarkFigures
        {
            Year = request.Year,
            Ombudsman = request.Ombudsman,
            Council = request.Council,
            CouncilTypeAverage = request.CouncilTypeAverage,
            Neighbours = { request.Neighbours },
            AnnualLetterReceivedOn = request.AnnualLetterReceivedOn,
            AnnualLetter = request.AnnualLetter,
            RecordedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(clock.GetUtcNow()),
            RecordedBy = caller.Subject,
        };
        var record = await db.Benchmarks.FirstOrDefaultAsync(b => b.Year == request.Year && b.Ombudsman == request.Ombudsman, context.CancellationToken);
        if (record is null)
        {
            record = new BenchmarkRecord { Year = request.Year, Ombudsman = request.Ombudsman };
            db.Benchmarks.Add(record);
        }
        record.Document = JsonFormatter.Default.Format(figures);
        record.RecordedAt = clock.GetUtcNow();
        record.RecordedBy = caller.Subject;

        var recorded = new BenchmarkFiguresRecorded
        {
            Year = request.Year,
            Ombudsman = request.Ombudsman,
            Rows = { Row(BenchmarkScope.Council, "", request.Council!) },
            AnnualLetterReceivedOn = request.AnnualLetterReceivedOn,
            AnnualLetterDocumentReference = request.AnnualLetter?.DocumentReference ?? "",
        };
        if (request.CouncilTypeAverage is not null)
        {
            recorded.Rows.Add(Row(BenchmarkScope.CouncilTypeAverage, "", request.CouncilTypeAverage));
        }
        recorded.Rows.Add(request.Neighbours.Select(n => Row(BenchmarkScope.Neighbour, n.CouncilCode, n.Figures)));
        outbox.Add(db, recorded);
        await db.SaveChangesAsync(context.CancellationToken);
        return figures;
    }

    public override async Task<BenchmarkFigures> GetBenchmarkFigures(GetBenchmarkFiguresRequest request, ServerCallContext context)
    {
        var record = await db.Benchmarks.AsNoTracking()
            .FirstOrDefaultAsync(b => b.Year == request.Year && b.Ombudsman == request.Ombudsman, context.CancellationToken)
            ?? throw new NotFoundException($"Benchmark figures for {request.Year}");
        return JsonParser.Default.Parse<BenchmarkFigures>(record.Document);
    }

    private static void ValidateFigures(Figures? figures, string field, Validator v)
    {
        if (figures is null)
        {
            return;
        }
        v.Require(figures.UpheldRateBasisPoints is >= 0 and <= 10_000, field + ".upheld_rate_basis_points", "must be 0 to 10000 (100 %)");
        v.Require(figures.ComplianceBasisPoints is >= 0 and <= 10_000, field + ".compliance_basis_points", "must be 0 to 10000 (100 %)");
        v.Require(figures.SatisfactoryRemedyBasisPoints is >= 0 and <= 10_000, field + ".satisfactory_remedy_basis_points", "must be 0 to 10000 (100 %)");
        v.Require(figures.UpheldPer100KHundredths >= 0, field + ".upheld_per_100k_hundredths", "must not be negative");
    }

    private static BenchmarkRow Row(BenchmarkScope scope, string councilCode, Figures figures) => new()
    {
        Scope = scope,
        CouncilCode = councilCode,
        UpheldRateBasisPoints = figures.UpheldRateBasisPoints,
        UpheldPer100KHundredths = figures.UpheldPer100KHundredths,
        ComplianceBasisPoints = figures.ComplianceBasisPoints,
        SatisfactoryRemedyBasisPoints = figures.SatisfactoryRemedyBasisPoints,
    };
}
