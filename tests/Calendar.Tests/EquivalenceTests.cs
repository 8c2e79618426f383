using static ComplaintsPlatform.Calendar.Tests.Support.Calendars;

namespace ComplaintsPlatform.Calendar.Tests;

/// <summary>The precomputed O(1) answers against a plain day-by-day walk.</summary>
public class EquivalenceTests
{
    [Fact]
    public void Precomputed_arithmetic_matches_walking_the_days_for_random_inputs()
    {
        var calendar = For(Division.Scotland, StatuteRule.ChildrensSocialCare2006);
        var random = new Random(20240601);
        for (var i = 0; i < 20_000; i++)
        {
            var start = D(2010, 1, 1).AddDays(random.Next(0, 7500));
            var n = random.Next(0, 70);
            var walked = start;
            for (var left = n; left > 0;)
            {
                walked = walked.AddDays(1);
                if (calendar.IsWorkingDay(walked))
                    left--;
            }
            Assert.Equal(walked, calendar.AddWorkingDays(start, n));
            Assert.Equal(n, calendar.WorkingDaysBetween(start, walked));
            if (n > 0 && calendar.IsWorkingDay(start))
                Assert.Equal(start, calendar.AddWorkingDays(walked, -n));
        }
    }
}
