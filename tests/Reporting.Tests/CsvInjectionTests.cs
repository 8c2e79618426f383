using ComplaintsPlatform.Reporting.Domain;
using ComplaintsPlatform.Reporting.V1;

namespace ComplaintsPlatform.Reporting.Tests;

public sealed class CsvInjectionTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x.invalid\")", "\"'=HYPERLINK(\"\"http://x.invalid\"\")\"")]
    [InlineData("+441234", "'+441234")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "\"'\rcmd\"")]
    [InlineData("Libraries", "Libraries")]
    public void A_text_cell_a_spreadsheet_would_run_as_a_formula_is_neutralised(string label, string written)
    {
        var table = new ReportTable
        {
            Columns = { new Column { Key = "c", Label = "Complaints" } },
            Rows = { new ReportRow { Key = "r", Label = label, Cells = { new Cell { Value = 3 } } } },
        };

        var lines = Csv.Write(table).Split("\r\n");

        Assert.Equal(written + ",3", lines[1]);
    }

    [Fact]
    public void Numbers_stay_numbers_a_fall_in_percent_included()
    {
        var table = new ReportTable
        {
            Columns = { new Column { Key = "n", Label = "Count" }, new Column { Key = "p", Label = "% change" } },
            Rows = { new ReportRow { Key = "r", Label = "Waste", Cells = { new Cell { Value = 41 }, new Cell { Value = -21.2 } } } },
            Total = new ReportRow { Key = "t", Label = "Council", Cells = { new Cell { Suppressed = true }, new Cell { Empty = true } } },
        };

        Assert.Equal("Group,Count,% change\r\nWaste,41,-21.2\r\nCouncil,*,\r\n", Csv.Write(table));
    }

    [Fact]
    public void A_header_label_that_looks_like_a_formula_is_neutralised_too()
    {
        var table = new ReportTable { Columns = { new Column { Key = "c", Label = "=1+1" } } };

        Assert.StartsWith("Group,'=1+1\r\n", Csv.Write(table));
    }
}
