using ComplaintsPlatform.Reporting.Domain;

namespace ComplaintsPlatform.Reporting.Tests;

public sealed class SuppressionRuleTests
{
    [Fact]
    public void A_single_small_cell_in_a_sum_takes_the_next_smallest_with_it()
    {
        // Rows: total, a, b, c (total = a + b + c); one column.
        long[][] values = [[40], [3], [12], [25]];
        var hidden = Suppression.Apply(values, [[0, 1, 2, 3]], []);
        Assert.Equal([false, true, true, false], hidden.Select(h => h[0]).ToArray());
    }

    [Fact]
    public void Two_hidden_ones_are_not_enough_because_they_could_only_be_one_each()
    {
        long[][] values = [[30], [1], [1], [28]];
        var hidden = Suppression.Apply(values, [[0, 1, 2, 3]], []);
        Assert.All(hidden.Skip(1), h => Assert.True(h[0]));
    }

    [Fact]
    public void Zeros_and_counts_of_five_or_more_are_shown()
    {
        long[][] values = [[15], [0], [5], [10]];
        var hidden = Suppression.Apply(values, [[0, 1, 2, 3]], []);
        Assert.All(hidden, h => Assert.False(h[0]));
    }

    [Fact]
    public void The_90th_percentile_of_working_days_is_read_from_the_histogram()
    {
        var days = new SortedDictionary<int, long> { [5] = 50, [10] = 40, [20] = 9, [30] = 1 };
        Assert.Equal(10, ReportSpec.Percentile(days, 0.9));
        Assert.Equal(20, ReportSpec.Percentile(days, 0.95));
    }
}
