using ComplaintsPlatform.Reporting.Domain;

namespace ComplaintsPlatform.Reporting.Tests;

public sealed class CodeProvisionsTests
{
    [Fact]
    public void The_shipped_provisions_cover_all_nine_sections_numbered_without_gaps_or_repeats()
    {
        var bySection = CodeProvisions.All.GroupBy(p => p.Section).ToList();
        Assert.Equal(Enumerable.Range(1, 9).Select(s => s.ToString()).ToArray(), bySection.Select(g => g.Key).ToArray());
        foreach (var section in bySection)
        {
            Assert.Equal(Enumerable.Range(1, section.Count()).Select(n => $"{section.Key}.{n}"), section.Select(p => p.Paragraph));
            Assert.Single(section.Select(p => p.SectionTitle).Distinct());
        }
        Assert.All(CodeProvisions.All, p => Assert.False(string.IsNullOrWhiteSpace(p.Text)));
    }

    [Fact]
    public void Every_paragraph_the_conformance_check_cites_is_a_provision_marked_as_checked()
    {
        // The paragraphs CaseWorkflow's check names (5.2, 6.2, 6.3, 6.4-6.5, 6.7, 6.8, 6.11, 6.12, 6.13, 6.14).
        var cited = new[] { "5.2", "6.2", "6.3", "6.4-6.5", "6.7", "6.8", "6.11", "6.12", "6.13", "6.14" }.SelectMany(CodeProvisions.Expand).ToList();
        Assert.Equal(11, cited.Count);
        Assert.All(cited, p => Assert.True(CodeProvisions.Find(p)?.Conformance, p));
        Assert.Equal(cited.Order(), CodeProvisions.All.Where(p => p.Conformance).Select(p => p.Paragraph).Order());
    }

    [Fact]
    public void A_cited_range_expands_to_each_paragraph_and_anything_else_is_kept_as_cited()
    {
        Assert.Equal(["6.4", "6.5"], CodeProvisions.Expand("6.4-6.5"));
        Assert.Equal(["6.12"], CodeProvisions.Expand(" 6.12 "));
        Assert.Equal(["5.1-6.2"], CodeProvisions.Expand("5.1-6.2"));
    }
}
