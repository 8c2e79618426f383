using ComplaintsPlatform.Compliments.V1;

namespace ComplaintsPlatform.Compliments.Domain;

/// <summary>Councils report by financial year (1 April to 31 March, named by its first year) or by calendar year.</summary>
public static class ReportingYear
{
    public static int Of(DateOnly date, YearBasis basis) =>
        basis == YearBasis.Financial && date.Month < 4 ? date.Year - 1 : date.Year;

    public static (DateOnly First, DateOnly Last) Range(int year, YearBasis basis) => basis == YearBasis.Financial
        ? (new DateOnly(year, 4, 1), new DateOnly(year + 1, 3, 31))
        : (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    public static string Label(int year, YearBasis basis) =>
        basis == YearBasis.Financial ? $"{year}/{(year + 1) % 100:00}" : year.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
