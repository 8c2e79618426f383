using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Reporting.V1;

namespace ComplaintsPlatform.Reporting.Domain;

/// <summary>A reporting period as a half-open range of months, with the same period a year earlier.</summary>
public sealed record ReportPeriod(DateOnly Start, DateOnly End, string Label)
{
    public ReportPeriod YearEarlier() => new(Start.AddYears(-1), End.AddYears(-1), Label + " (previous year)");

    public static ReportPeriod From(Period? period)
    {
        var p = period ?? new Period();
        if (p.Year is < 1990 or > 2100)
        {
            throw Invalid("period.year", "Give a year between 1990 and 2100.");
        }
        switch (p.Kind)
        {
            case PeriodKind.FinancialYear:
                return new(new(p.Year, 4, 1), new(p.Year + 1, 4, 1), $"{p.Year}/{(p.Year + 1) % 100:00}");
            case PeriodKind.CalendarYear:
                return new(new(p.Year, 1, 1), new(p.Year + 1, 1, 1), $"{p.Year}");
            case PeriodKind.Quarter when p.Number is >= 1 and <= 4:
                var start = new DateOnly(p.Year, 4, 1).AddMonths(3 * (p.Number - 1));
                return new(start, start.AddMonths(3), $"{p.Year}/{(p.Year + 1) % 100:00} Q{p.Number}");
            case PeriodKind.Month when p.Number is >= 1 and <= 12:
                var month = new DateOnly(p.Year, p.Number, 1);
                return new(month, month.AddMonths(1), month.ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture));
            case PeriodKind.Quarter or PeriodKind.Month:
                throw Invalid("period.number", "Give quarter 1-4 or month 1-12.");
            default:
                throw Invalid("period.kind", "Choose a financial year, calendar year, quarter or month.");
        }
    }

    private static ValidationException Invalid(string field, string message) => new([new(field, message)]);
}
