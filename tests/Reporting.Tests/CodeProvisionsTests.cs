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

    [Fact]
    public void The_Housing_Ombudsman_Codes_provisions_are_its_own_numbered_as_in_the_Code_apart_from_the_LGSCO_Codes()
    {
        // Its nine sections, numbered as the Code numbers them (1.1 introduces the definition and sets no requirement).
        var bySection = CodeProvisions.Housing.GroupBy(p => p.Section).ToList();
        Assert.Equal(Enumerable.Range(1, 9).Select(s => s.ToString()).ToArray(), bySection.Select(g => g.Key).ToArray());
        var last = new[] { 6, 5, 7, 3, 14, 20, 4, 5, 8 };
        foreach (var section in bySection)
        {
            var first = section.Key == "1" ? 2 : 1;
            var end = last[int.Parse(section.Key) - 1];
            Assert.Equal(Enumerable.Range(first, end - first + 1).Select(n => $"H{section.Key}.{n}"), section.Select(p => p.Paragraph));
            Assert.Single(section.Select(p => p.SectionTitle).Distinct());
        }
        Assert.All(CodeProvisions.Housing, p => Assert.False(string.IsNullOrWhiteSpace(p.Text)));
        Assert.Empty(CodeProvisions.Housing.Select(p => p.Paragraph).Intersect(CodeProvisions.All.Select(p => p.Paragraph)));
        Assert.Equal("Complaint stages", CodeProvisions.Find("H6.13")?.SectionTitle);
        Assert.Same(CodeProvisions.Housing, CodeProvisions.Of(housing: true));
        Assert.Same(CodeProvisions.All, CodeProvisions.Of(housing: false));
    }

    [Fact]
    public void The_conformance_checks_paragraphs_stand_for_the_Housing_Codes_own_provisions_by_its_numbering()
    {
        // CaseWorkflow's check of the housing policy cites the LGSCO Code's numbers; each lands on the Housing Code's provision.
        var cited = new[] { "5.2", "6.2", "6.3", "6.4-6.5", "6.7", "6.8", "6.11", "6.12", "6.13", "6.14" }.SelectMany(CodeProvisions.Expand).ToList();
        Assert.Equal(cited.Order(), CodeProvisions.Housing.SelectMany(p => p.Checked).Order());
        string[] StandsFor(string paragraph) => CodeProvisions.Housing.Where(p => p.Checked.Contains(paragraph)).Select(p => p.Paragraph).ToArray();
        Assert.Equal(["H5.2"], StandsFor("5.2"));
        Assert.Equal(["H6.4"], StandsFor("6.4"));
        Assert.Equal(["H6.4"], StandsFor("6.5"));
        // Escalation refused, reasons required to escalate, the same handler at Stage 2, the Stage 2 response and its extension.
        Assert.Equal(["H6.10"], StandsFor("6.7"));
        Assert.Equal(["H6.12"], StandsFor("6.8"));
        Assert.Equal(["H6.13"], StandsFor("6.12"));
        Assert.Equal(["H6.14"], StandsFor("6.13"));
        Assert.Equal(["H6.15"], StandsFor("6.14"));
        // The LGSCO Code's provisions stand for themselves.
        Assert.All(CodeProvisions.All.Where(p => p.Conformance), p => Assert.Equal([p.Paragraph], p.Checked));
    }
}
