using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Ombudsman.V1;
using ComplaintsPlatform.Reporting.Data;
using ComplaintsPlatform.Reporting.Domain;
using ComplaintsPlatform.Reporting.V1;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Reporting.Reports;

/// <summary>
/// The annual letter's three measures (upheld, also per 100,000 population; compliance; satisfactory
/// remedy): the Ombudsman's figures for the council, beside the council's own records for the same
/// financial year, the average for councils of its type and each named neighbour.
/// </summary>
public static class AnnualLetter
{
    public static async Task<ReportTable> BuildAsync(ReportingDbContext db, DocumentTables tables, AnnualLetterRequest request, ReportAudience audience, CancellationToken ct)
    {
        if (request.Year is < 1990 or > 2100)
        {
            throw new ValidationException([new("year", "Give the financial year the letter covers (1990-2100).")]);
        }
        var ombudsman = (short)(request.Ombudsman == 0 ? (int)Ombudsman.V1.Ombudsman.Lgsco : request.Ombudsman);
        var figures = await db.Set<BenchmarkFigure>().AsNoTracking()
            .Where(b => b.Year == request.Year && b.Ombudsman == ombudsman).ToListAsync(ct);
        var investigations = await tables.YearAsync(ReportKind.OmbudsmanInvestigations, request.Year, audience, ct, basis: Basis.Resolved);
        var remedies = await tables.YearAsync(ReportKind.OmbudsmanRemedies, request.Year, audience, ct, basis: Basis.Resolved);

        var table = new ReportTable
        {
            Title = $"The Ombudsman's annual letter {investigations.PeriodLabel}: {(ombudsman == (short)Ombudsman.V1.Ombudsman.Housing ? "Housing Ombudsman" : "Local Government and Social Care Ombudsman")}",
            PeriodLabel = investigations.PeriodLabel,
            Basis = Basis.Resolved,
            SuppressionApplied = investigations.SuppressionApplied,
            AsOf = investigations.AsOf,
            Columns =
            {
                new Column { Key = "upheld_rate", Label = "% upheld", Unit = Unit.Percent },
                new Column { Key = "upheld_per_100k", Label = "Upheld per 100,000 population", Unit = Unit.Unspecified },
                new Column { Key = "compliance_rate", Label = "% compliance with recommendations", Unit = Unit.Percent },
                new Column { Key = "satisfactory_remedy_rate", Label = "% satisfactory remedy by the council", Unit = Unit.Percent },
            },
        };
        foreach (var f in figures.OrderBy(f => f.Scope).ThenBy(f => f.CouncilCode, StringComparer.Ordinal))
        {
            var (key, label) = (BenchmarkScope)f.Scope switch
            {
                BenchmarkScope.Council => ("council_ombudsman", "This council (the Ombudsman's figures)"),
                BenchmarkScope.CouncilTypeAverage => ("type_average", $"Average for councils of the same type ({f.CouncilCode})"),
                _ => ("neighbour:" + f.CouncilCode, f.CouncilCode),
            };
            table.Rows.Add(new ReportRow
            {
                Key = key,
                Label = label,
                Cells = { Points(f.UpheldRateBasisPoints), new Cell { Value = f.UpheldPer100kHundredths / 100.0 }, Points(f.ComplianceBasisPoints), Points(f.SatisfactoryRemedyBasisPoints) },
            });
        }
        // The council's own records: the same measures computed from the decisions and remedies on the feed,
        // and upheld decisions per 100,000 from the population in the council configuration.
        var population = await db.Council.AsNoTracking().Where(c => c.Id == 1).Select(c => c.Population).FirstOrDefaultAsync(ct);
        table.Total = new ReportRow
        {
            Key = "council",
            Label = "This council (our records)",
            Cells =
            {
                Cells.Of(investigations, "upheld_rate")?.Clone() ?? new Cell { Empty = true },
                Per100k(Cells.Of(investigations, "upheld"), population),
                Cells.Of(remedies, "compliance_rate")?.Clone() ?? new Cell { Empty = true },
                Cells.Of(investigations, "satisfactory_remedy_rate")?.Clone() ?? new Cell { Empty = true },
            },
        };
        return table;
    }

    /// <summary>A count per 100,000 population, to two places as the Ombudsman gives it; hidden with its count.</summary>
    public static Cell Per100k(Cell? count, long population) => count switch
    {
        null or { Empty: true } => new Cell { Empty = true },
        { Suppressed: true } => new Cell { Suppressed = true },
        _ when population <= 0 => new Cell { Empty = true },
        _ => new Cell { Value = Math.Round(count.Value * 100_000.0 / population, 2) },
    };

    private static Cell Points(int basisPoints) => new() { Value = basisPoints / 100.0 };
}
