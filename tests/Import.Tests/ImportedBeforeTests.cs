namespace ComplaintsPlatform.Import.Tests;

public class ImportedBeforeTests
{
    [Fact]
    public void A_source_id_met_again_is_unchanged_with_the_same_values_and_refused_with_others()
    {
        var report = new ImportReportBuilder("history.csv", dryRun: false);
        var before = new ImportedBefore("source_id");

        Assert.True(before.IsNew("A1", [1, 2], 2, null, report));
        before.Remember("A1", [1, 2], "history.csv", 2);
        Assert.False(before.IsNew("A1", [1, 2], 3, null, report));
        Assert.False(before.IsNew("A1", [9], 4, null, report));
        Assert.False(before.IsNew("B7", [5], 5, ([6], "old.csv line 10"), report));

        var built = report.Build();
        Assert.Equal(1, built.RowsUnchanged);
        Assert.Equal(2, built.RowsFailed);
        Assert.Equal([4, 5], built.Errors.Select(e => e.Line));
        Assert.All(built.Errors, e => Assert.Equal("source_id", e.Column));
        Assert.Contains("history.csv line 2", built.Errors[0].Reason);
        Assert.Contains("old.csv line 10", built.Errors[1].Reason);
    }

    [Fact]
    public async Task A_source_id_twice_in_one_file_fails_the_later_row_naming_the_first_line()
    {
        var rows = new List<CsvRow>();
        await foreach (var row in CsvReader.ReadAsync(new MemoryStream("source_id\nA1\nB2\nA1\n"u8.ToArray())))
        {
            rows.Add(row);
        }
        var ids = new SourceIdsInFile();

        foreach (var row in rows)
        {
            ids.Check(row, "source_id", row.Required("source_id"));
        }

        Assert.True(rows[0].IsValid && rows[1].IsValid);
        var error = Assert.Single(rows[2].Errors);
        Assert.Equal(("source_id", 4), (error.Column, error.Line));
        Assert.Contains("first on line 2", error.Reason);
    }
}
