using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Reporting.Data;
using ComplaintsPlatform.Reporting.Domain;
using ComplaintsPlatform.Reporting.V1;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Reporting.Reports;

/// <summary>The council's choices for public tables: the small-number threshold, and the kind of year it reports by.</summary>
public sealed record PublicSettings(int Threshold, PeriodKind PublicYear)
{
    public static async Task<PublicSettings> ReadAsync(ReportingDbContext db, CancellationToken ct)
    {
        var council = await db.Council.AsNoTracking().Where(c => c.Id == 1)
            .Select(c => new { c.SmallNumberThreshold, c.ReportingYear }).FirstOrDefaultAsync(ct);
        return new(
            council is { SmallNumberThreshold: > 0 } ? council.SmallNumberThreshold : Suppression.Threshold,
            council?.ReportingYear == (short)ReportingYear.Calendar ? PeriodKind.CalendarYear : PeriodKind.FinancialYear);
    }
}
