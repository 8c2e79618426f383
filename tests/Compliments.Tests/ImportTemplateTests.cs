using System.Text.Json;
using ComplaintsPlatform.Compliments.Domain;
using ComplaintsPlatform.Import;

namespace ComplaintsPlatform.Compliments.Tests;

public sealed class ImportTemplateTests
{
    [Fact]
    public async Task Every_example_row_of_the_shipped_compliments_template_is_valid_for_the_sample_council()
    {
        using var council = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Templates", "council.sample.json")));
        var areas = council.RootElement.GetProperty("directorates").EnumerateArray()
            .SelectMany(d => d.GetProperty("service_areas").EnumerateArray()).ToList();
        var directory = new ImportDirectory(
            DateOnly.FromDateTime(DateTime.UtcNow),
            areas.Select(a => a.GetProperty("id").GetString()!).ToHashSet(),
            areas.SelectMany(a => a.GetProperty("teams").EnumerateArray().Select(t => (Team: t.GetProperty("id").GetString()!, Area: a.GetProperty("id").GetString()!)))
                .ToDictionary(t => t.Team, t => t.Area),
            council.RootElement.GetProperty("officers").EnumerateArray().Select(o => o.GetProperty("id").GetString()!).ToHashSet());

        await using var file = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Templates", "compliments.csv"));
        var rows = new List<CsvRow>();
        await foreach (var row in CsvReader.ReadAsync(file))
        {
            rows.Add(row);
        }
        var parsed = rows.Select(r => ImportedCompliment.Parse(r, directory)).ToList();

        Assert.Empty(rows.SelectMany(r => r.Errors).Select(e => $"line {e.Line}, {e.Column}: {e.Reason}"));
        Assert.Equal(rows[0].Header.Names.Order(), ImportedCompliment.Columns.Order());
        Assert.Contains(parsed, c => c!.ConsentToQuote);
    }
}
