// AddWorkingDays over random receipt instants spread across the covered range, on one thread.
// Inputs are drawn up front (a pool reused cyclically) so the timing is the calendar, not Random.
using System.Diagnostics;
using ComplaintsPlatform.Calendar;

const int PoolSize = 1 << 20;
var operations = args.Length > 0 ? long.Parse(args[0]) : 50_000_000L;

var calendar = new WorkingDayCalendar(BankHolidayData.Shipped, new CouncilCalendarSettings(Division.EnglandAndWales)
{
    ClosureDays = CouncilCalendarSettings.DaysEachYear(2010, 2030, 12, 27, 31),
}, StatuteRule.ChildrensSocialCare2006);

var random = new Random(42);
var start = new DateTimeOffset(calendar.CoveredFrom.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
// Leave the last ~4 months free so a 65-working-day deadline stays inside the range.
var spanTicks = (calendar.CoveredTo.DayNumber - calendar.CoveredFrom.DayNumber - 120) * TimeSpan.TicksPerDay;
var receipts = new DateTimeOffset[PoolSize];
var days = new int[PoolSize];
int[] periods = [3, 5, 10, 20, 25, 65];
for (var i = 0; i < PoolSize; i++)
{
    receipts[i] = start.AddTicks(random.NextInt64(TimeSpan.TicksPerDay, spanTicks));
    days[i] = periods[random.Next(periods.Length)];
}

Run(5_000_000, "warm-up");
var (elapsed, checksum) = Run(operations, "measured");
Console.WriteLine($"{operations:N0} AddWorkingDays(receipt instant, n) in {elapsed.TotalMilliseconds:N0} ms on one thread");
Console.WriteLine($"{operations / elapsed.TotalSeconds / 1e6:N1} million computations/second, {elapsed.TotalNanoseconds / operations:N1} ns/op (checksum {checksum})");
Console.WriteLine($"calendar {calendar.Version}");
return;

(TimeSpan Elapsed, long Checksum) Run(long count, string label)
{
    long checksum = 0;
    var watch = Stopwatch.StartNew();
    for (long i = 0; i < count; i++)
    {
        var k = (int)(i & (PoolSize - 1));
        checksum += calendar.AddWorkingDays(receipts[k], days[k]).DayNumber;
    }
    watch.Stop();
    return (watch.Elapsed, checksum);
}
