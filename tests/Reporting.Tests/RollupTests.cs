using ComplaintsPlatform.Reporting.Events;
using ComplaintsPlatform.Reporting.V1;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Reporting.Tests;

[Collection(GeneratedYearCollection.Name)]
public sealed class RollupTests(GeneratedYearFixture fixture)
{
    [Theory]
    [InlineData(Grains.FinancialYear, 4)]
    [InlineData(Grains.CalendarYear, 1)]
    public async Task Every_year_rollup_row_equals_the_sum_of_its_twelve_months_at_every_grain_on_both_bases(short rollup, int firstMonth)
    {
        var start = new DateOnly(2025, firstMonth, 1);
        var (months, years) = await fixture.Host.WithDbAsync(async db =>
        {
            var months = await db.Counters.AsNoTracking()
                .Where(c => c.Grain < Grains.FinancialYear && c.Month >= start && c.Month < start.AddYears(1))
                .GroupBy(c => new { c.Metric, c.Basis, c.Grain, c.ServiceAreaId, c.DirectorateId, c.TeamId, c.Stream, c.Stage, c.Channel, c.Kind, c.Code })
                .Select(g => new { g.Key, Count = g.Sum(c => c.Count), Amount = g.Sum(c => c.Amount) })
                .ToListAsync();
            var years = await db.Counters.AsNoTracking()
                .Where(c => c.Grain >= rollup && c.Grain < rollup + Grains.FinancialYear && c.Month == start)
                .ToListAsync();
            return (months, years);
        });
        var expected = months.Where(m => m.Count != 0 || m.Amount != 0)
            .ToDictionary(m => (m.Key.Metric, m.Key.Basis, m.Key.Grain, m.Key.ServiceAreaId, m.Key.DirectorateId, m.Key.TeamId, m.Key.Stream, m.Key.Stage, m.Key.Channel, m.Key.Kind, m.Key.Code), m => (m.Count, m.Amount));
        var actual = years.Where(y => y.Count != 0 || y.Amount != 0)
            .ToDictionary(y => (y.Metric, y.Basis, (short)(y.Grain - rollup), y.ServiceAreaId, y.DirectorateId, y.TeamId, y.Stream, y.Stage, y.Channel, y.Kind, y.Code), y => (y.Count, y.Amount));
        Assert.True(expected.Count > 100, $"only {expected.Count} keys in the year");
        Assert.Equal(expected.OrderBy(e => e.Key.ToString()), actual.OrderBy(a => a.Key.ToString()));
        // Nothing is rolled up at any other month: a year has exactly one rollup row per key.
        var stray = await fixture.Host.WithDbAsync(db => db.Counters.CountAsync(c => c.Grain >= rollup && c.Grain < rollup + Grains.FinancialYear && c.Month.Month != firstMonth));
        Assert.Equal(0, stray);
    }

    [Theory]
    [InlineData(ReportKind.Complaints, Basis.Received)]
    [InlineData(ReportKind.Timeliness, Basis.Resolved)]
    public async Task Quarters_and_months_still_sum_their_months_and_add_up_to_the_year(ReportKind report, Basis basis)
    {
        async Task<long> TotalAsync(PeriodKind kind, int year, int number = 0)
        {
            var request = ReportingHost.Request(report, year, basis, Grouping.Stage);
            request.Period = new Period { Kind = kind, Year = year, Number = number };
            var table = await fixture.Host.Team.GetReportAsync(request);
            return (long)table.Total.Cells[0].Value;
        }

        var financialYear = await TotalAsync(PeriodKind.FinancialYear, 2025);
        long quarters = 0;
        for (var q = 1; q <= 4; q++)
        {
            quarters += await TotalAsync(PeriodKind.Quarter, 2025, q);
        }
        long months = 0;
        for (var m = 0; m < 12; m++)
        {
            var month = new DateOnly(2025, 4, 1).AddMonths(m);
            months += await TotalAsync(PeriodKind.Month, month.Year, month.Month);
        }
        long calendarMonths = 0;
        for (var m = 1; m <= 12; m++)
        {
            calendarMonths += await TotalAsync(PeriodKind.Month, 2025, m);
        }
        Assert.True(financialYear > 0);
        Assert.Equal(financialYear, quarters);
        Assert.Equal(financialYear, months);
        Assert.Equal(calendarMonths, await TotalAsync(PeriodKind.CalendarYear, 2025));
    }
}
