using ComplaintsPlatform.Reporting.V1;

namespace ComplaintsPlatform.Reporting.Tests;

/// <summary>
/// An attacker with every public table for one year (council, directorate, service area and stage
/// groupings, from separate queries) and the published organisation chart tries to recover a
/// suppressed count by subtraction.
/// </summary>
[Collection(GeneratedYearCollection.Name)]
public sealed class SuppressionAttackTests(GeneratedYearFixture fixture)
{
    [Theory]
    [InlineData(ReportKind.Findings, Basis.Resolved)]
    [InlineData(ReportKind.StageFunnel, Basis.Resolved)]
    [InlineData(ReportKind.Timeliness, Basis.Received)]
    [InlineData(ReportKind.Remedies, Basis.Resolved)]
    public async Task No_suppressed_cell_can_be_recovered_from_totals_or_overlapping_queries(ReportKind report, Basis basis)
    {
        var scrutiny = fixture.Host.Client("scrutiny");
        var known = new Dictionary<(string Row, int Col), double>();
        var hidden = new HashSet<(string Row, int Col)>();
        var columnCount = 0;
        foreach (var grouping in new[] { Grouping.Council, Grouping.Directorate, Grouping.ServiceArea, Grouping.Stage })
        {
            var table = await scrutiny.GetReportAsync(ReportingHost.Request(report, 2025, basis, grouping));
            columnCount = table.Columns.Count(c => c.Unit == Unit.Count && !c.Key.StartsWith("previous_", StringComparison.Ordinal));
            foreach (var row in table.Rows.Append(table.Total))
            {
                for (var c = 0; c < columnCount; c++)
                {
                    if (row.Cells[c].Suppressed)
                    {
                        hidden.Add((row.Key, c));
                    }
                    else
                    {
                        known[(row.Key, c)] = row.Cells[c].Value;
                    }
                }
            }
        }
        var truth = await fixture.Host.Team.GetReportAsync(ReportingHost.Request(report, 2025, basis, Grouping.ServiceArea));
        if (report is ReportKind.Findings)
        {
            // The attack is worth making: there are small counts in service areas to find.
            Assert.Contains(truth.Rows.Where(r => !r.Key.StartsWith("service_area:(", StringComparison.Ordinal)).SelectMany(r => r.Cells.Take(columnCount)), c => c.Value is >= 1 and <= 4);
            Assert.NotEmpty(hidden);
        }

        // The sums an attacker knows: council = directorates = stages, directorate = its service areas, and the table's own column sums.
        var equations = new List<(string Row, int Col)[]>();
        var directorates = Council.Areas.Select(a => a.Directorate).Distinct().ToList();
        var stages = known.Keys.Concat(hidden).Select(k => k.Row).Where(r => r.StartsWith("stage:", StringComparison.Ordinal)).Distinct().ToList();
        for (var c = 0; c < columnCount; c++)
        {
            equations.Add([("council", c), .. directorates.Select(d => ("directorate:" + d, c))]);
            equations.Add([("council", c), .. stages.Select(s => (s, c))]);
            foreach (var d in directorates)
            {
                // Counts with a directorate but no service area (Ombudsman enquiries) are shown as a row of their own.
                equations.Add([("directorate:" + d, c), .. Council.Areas.Where(a => a.Directorate == d).Select(a => ("service_area:" + a.Area, c)),
                    ($"service_area:(directorate {d})", c)]);
            }
        }
        int[][] columnSums = report switch
        {
            ReportKind.Findings => [[2, 0, 1], [8, 2, 3, 4], [8, 0, 1, 3, 4]],
            ReportKind.Timeliness => [[0, 1, 2], [3, 4, 5, 6]],
            _ => [],
        };
        var rows = known.Keys.Concat(hidden).Select(k => k.Row).Distinct().ToList();
        foreach (var row in rows)
        {
            foreach (var sum in columnSums)
            {
                equations.Add(sum.Select(c => (row, c)).ToArray());
            }
        }

        var recovered = new List<string>();
        bool progress;
        do
        {
            progress = false;
            foreach (var eq in equations)
            {
                // A row no query showed is a row of zeros.
                foreach (var x in eq.Where(x => !known.ContainsKey(x) && !hidden.Contains(x)))
                {
                    known[x] = 0;
                }
                var unknown = eq.Where(x => !known.ContainsKey(x)).ToList();
                if (unknown.Count != 1)
                {
                    continue;
                }
                var target = unknown[0];
                var value = target == eq[0]
                    ? eq.Skip(1).Sum(x => known[x])
                    : known[eq[0]] - eq.Skip(1).Where(x => x != target).Sum(x => known[x]);
                known[target] = value;
                recovered.Add($"{target.Row}[{target.Col}] = {value}");
                progress = true;
            }
        }
        while (progress);
        // Directorates are published as they are (only team and service-area rows are protected), so the one
        // service area of a single-area directorate is published with it: not a breach of the policy.
        var published = Council.Areas.GroupBy(a => a.Directorate).Where(g => g.Count() == 1)
            .SelectMany(g => new[] { "service_area:" + g.Single().Area, $"service_area:(directorate {g.Key})" }).ToHashSet();
        recovered.RemoveAll(r => published.Any(p => r.StartsWith(p + "[", StringComparison.Ordinal)));
        Assert.True(recovered.Count == 0, "recovered: " + string.Join("; ", recovered));
    }
}
