using System.Text.Json;
using ComplaintsPlatform.Import;
using ComplaintsPlatform.Intake.Domain;
using ComplaintsPlatform.Intake.Import;
using ComplaintsPlatform.Intake.V1;
using Xunit;

namespace ComplaintsPlatform.Intake.Tests;

public sealed class ImportTemplateTests
{
    [Fact]
    public async Task Every_example_row_of_the_shipped_contacts_template_is_valid_for_the_sample_council()
    {
        using var council = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Templates", "council.sample.json")));
        var areas = council.RootElement.GetProperty("directorates").EnumerateArray()
            .SelectMany(d => d.GetProperty("service_areas").EnumerateArray()).Select(a => a.GetProperty("id").GetString()!).ToHashSet();
        HashSet<string> Codes(string list) => council.RootElement.GetProperty("lists").EnumerateArray()
            .Single(l => l.GetProperty("name").GetString() == list).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("code").GetString()!).ToHashSet();
        var rules = new ImportRules(DateTimeOffset.UtcNow, new Calendar.CouncilClocks(Calendar.BankHolidayData.Shipped).Default, new IntakeOptions(), areas,
            new TriageLists(Codes(TriageLists.ExclusionReasonsList), Codes(TriageLists.SignpostDestinationsList), areas));

        await using var file = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Templates", "contacts.csv"));
        var rows = new List<CsvRow>();
        await foreach (var row in CsvReader.ReadAsync(file))
        {
            rows.Add(row);
        }
        var parsed = rows.Select(r => ContactRow.Parse(r, rules)).ToList();

        Assert.Empty(rows.SelectMany(r => r.Errors).Select(e => $"line {e.Line}, {e.Column}: {e.Reason}"));
        Assert.Equal(rows[0].Header.Names.Order(), ContactColumns.All.Order());
        // The examples show every decision a council's history holds most often.
        Assert.Superset(new HashSet<TriageDecision> { TriageDecision.Complaint, TriageDecision.ServiceRequest, TriageDecision.Excluded,
            TriageDecision.OutOfTime, TriageDecision.Enquiry, TriageDecision.Compliment, TriageDecision.Signpost }, parsed.Select(p => p!.Effective).ToHashSet());
    }
}
