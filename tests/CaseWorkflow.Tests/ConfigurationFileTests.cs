using System.Text;
using ComplaintsPlatform.CaseWorkflow.Domain.Directory;
using Xunit;

namespace ComplaintsPlatform.CaseWorkflow.Tests;

public sealed class ConfigurationFileTests
{
    private static readonly string s_sample = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Configuration", "council.sample.json"));

    [Fact]
    public void The_shipped_county_sample_loads_with_several_directorates_and_dozens_of_service_areas()
    {
        var config = ConfigurationFile.Parse(Encoding.UTF8.GetBytes(s_sample), "council.sample.json");

        Assert.True(config.Directorates.Count >= 5);
        Assert.True(config.Directorates.Sum(d => d.ServiceAreas.Count) >= 30);
        Assert.Equal(7, config.Lists.Single(l => l.Name == "nature_categories").Items.Count);
        Assert.Equal("council.sample.json", config.Source);
    }

    [Fact]
    public void A_duplicate_service_area_id_is_refused_with_its_line_and_field()
    {
        var bad = s_sample.Replace("\"id\": \"libraries\"", "\"id\": \"home-care\"");

        var ex = Assert.Throws<ConfigurationFileException>(() => Parse(bad));

        var problem = Assert.Single(ex.Problems, p => p.Message.Contains("used twice"));
        Assert.Matches(@"^directorates\[2\]\.service_areas\[\d+\]\.id$", problem.Field);
        Assert.Equal(LineOf(bad, "\"id\": \"home-care\"", occurrence: 2), problem.Line);
    }

    [Fact]
    public void An_unknown_field_is_refused_naming_the_field_and_its_line()
    {
        var bad = s_sample.Replace("\"population\": 735000,", "\"population\": 735000,\n    \"populaton_2021\": 712000,");

        var ex = Assert.Throws<ConfigurationFileException>(() => Parse(bad));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal("populaton_2021", problem.Field);
        Assert.Equal(LineOf(bad, "populaton_2021"), problem.Line);
    }

    [Fact]
    public void Broken_JSON_is_refused_with_the_line_of_the_break()
    {
        var bad = s_sample.Replace("\"close_of_business\": \"17:00\",", "\"close_of_business\": \"17:00\",,");

        var ex = Assert.Throws<ConfigurationFileException>(() => Parse(bad));

        Assert.Equal(LineOf(bad, "\"close_of_business\""), Assert.Single(ex.Problems).Line);
    }

    [Fact]
    public void An_officer_in_a_team_that_does_not_exist_and_a_bad_time_zone_are_both_reported()
    {
        var bad = s_sample.Replace("\"team_ids\": [\n        \"libraries-team\"", "\"team_ids\": [\n        \"libraries-tema\"")
            .Replace("Europe/London", "Europe/Londn");

        var ex = Assert.Throws<ConfigurationFileException>(() => Parse(bad));

        Assert.Contains(ex.Problems, p => p.Field == "council.time_zone" && p.Line == LineOf(bad, "Europe/Londn"));
        Assert.Contains(ex.Problems, p => p.Field.EndsWith(".team_ids[0]") && p.Message.Contains("libraries-tema") && p.Line == LineOf(bad, "libraries-tema"));
    }

    private static void Parse(string json) => ConfigurationFile.Parse(Encoding.UTF8.GetBytes(json), "council.json");

    private static int LineOf(string text, string needle, int occurrence = 1)
    {
        var at = -1;
        for (var i = 0; i < occurrence; i++)
        {
            at = text.IndexOf(needle, at + 1, StringComparison.Ordinal);
        }
        return text[..at].Count(c => c == '\n') + 1;
    }
}
