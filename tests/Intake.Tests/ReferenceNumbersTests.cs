using ComplaintsPlatform.Intake.Data;
using ComplaintsPlatform.Intake.Tests.Support;
using Npgsql;
using Xunit;

namespace ComplaintsPlatform.Intake.Tests;

/// <summary>Reference numbers taken from the sequence a block at a time (ADR 0026).</summary>
public sealed class ReferenceNumbersTests(IntakeFixture fixture) : IClassFixture<IntakeFixture>
{
    [Fact]
    public async Task Writers_taking_numbers_at_once_never_get_the_same_one_and_the_sequence_moves_a_block_at_a_time()
    {
        var numbers = new ReferenceNumbers(block: 16);
        var before = await fixture.Host.ScalarAsync<long>("SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM intake.contact_reference_seq");

        var taken = await Task.WhenAll(Enumerable.Range(0, 4).Select(async writer =>
        {
            await using var connection = await OpenAsync();
            var mine = new List<long>();
            for (var i = 0; i < 25; i++)
            {
                mine.AddRange(await numbers.TakeAsync(connection, null, 1 + (i + writer) % 3, CancellationToken.None));
            }
            return mine;
        }));

        var all = taken.SelectMany(t => t).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.All(all, n => Assert.True(n > before));
        // Nothing taken was lost except what is still held: each block came whole from the sequence.
        var after = await fixture.Host.ScalarAsync<long>("SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM intake.contact_reference_seq");
        Assert.True(after - before >= all.Count + numbers.Held, $"{after - before} taken from the sequence for {all.Count} used and {numbers.Held} held");
    }

    [Fact]
    public async Task Numbers_given_back_are_handed_out_again_before_newer_ones()
    {
        var numbers = new ReferenceNumbers(block: 8);
        await using var connection = await OpenAsync();

        var first = await numbers.TakeAsync(connection, null, 3, CancellationToken.None);
        numbers.Return([first[1]]);
        var next = await numbers.TakeAsync(connection, null, 2, CancellationToken.None);

        Assert.Equal(first[1], next[0]);
        Assert.True(next[1] > first[2]);
        Assert.Equal(8 - 3 - 1, numbers.Held);
    }

    [Fact]
    public async Task A_block_of_one_takes_only_the_numbers_asked_for()
    {
        var numbers = new ReferenceNumbers(block: 1);
        await using var connection = await OpenAsync();

        var taken = await numbers.TakeAsync(connection, null, 3, CancellationToken.None);

        Assert.Equal(3, taken.Distinct().Count());
        Assert.Equal(0, numbers.Held);
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(fixture.Host.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
