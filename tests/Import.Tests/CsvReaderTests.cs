using System.Text;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Errors;

namespace ComplaintsPlatform.Import.Tests;

public class CsvReaderTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static async Task<List<CsvRow>> ReadAsync(string text)
    {
        var rows = new List<CsvRow>();
        await foreach (var row in CsvReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(text))))
        {
            rows.Add(row);
        }
        return rows;
    }

    [Fact]
    public async Task Rows_know_the_line_they_start_on_even_after_a_quoted_field_spanning_lines()
    {
        var rows = await ReadAsync("id,summary\r\n1,\"two\r\nlines, and \"\"quotes\"\"\"\r\n\r\n2,plain\n");

        Assert.Equal(2, rows.Count);
        Assert.Equal(2, rows[0].Line);
        Assert.Equal("two\nlines, and \"quotes\"", rows[0].Optional("summary"));
        Assert.Equal(5, rows[1].Line);
        Assert.Equal("plain", rows[1].Optional("SUMMARY"));
    }

    [Fact]
    public async Task A_bad_row_reports_every_faulty_column_with_its_line_and_reason()
    {
        var rows = await ReadAsync("source_id,received,amount,stream\nA1,31/02/2024,12.345,WEEKLY\n");
        var row = rows.Single();

        row.Required("source_id");
        row.Date("received");
        row.Pence("amount");
        row.Enum<ComplaintStream>("stream", "COMPLAINT_STREAM_");
        row.Required("missing_column");

        Assert.Equal(["received", "amount", "stream", "missing_column"], row.Errors.Select(e => e.Column));
        Assert.All(row.Errors, e => Assert.Equal(2, e.Line));
        Assert.Contains("CORPORATE", row.Errors[2].Reason);
    }

    [Fact]
    public async Task Money_is_read_as_whole_pence_from_pence_or_pounds()
    {
        var rows = await ReadAsync("a,b,c,d\n1250,£12.50,\"1,000.5\",12\n");
        var row = rows.Single();

        Assert.Equal(1250, row.Pence("a"));
        Assert.Equal(1250, row.Pence("b"));
        Assert.Equal(100050, row.Pence("c"));
        Assert.Equal(12, row.Pence("d"));
        Assert.True(row.IsValid);
    }

    [Fact]
    public async Task Enum_values_are_accepted_with_or_without_their_proto_prefix()
    {
        var rows = await ReadAsync("a,b\nCOMPLAINT_STREAM_HOUSING,adult social care\n");
        var row = rows.Single();

        Assert.Equal(ComplaintStream.Housing, row.Enum<ComplaintStream>("a", "COMPLAINT_STREAM_"));
        Assert.Equal(ComplaintStream.AdultSocialCare, row.Enum<ComplaintStream>("b", "COMPLAINT_STREAM_"));
    }

    [Fact]
    public async Task A_date_alone_is_that_day_in_the_councils_zone_and_an_instant_keeps_its_offset()
    {
        var rows = await ReadAsync("a,b,c\n2024-07-01,2024-01-15T16:30:00Z,2024-07-01 18:00\n");
        var row = rows.Single();

        Assert.Equal(new DateTimeOffset(2024, 7, 1, 8, 0, 0, TimeSpan.Zero), row.Instant("a", London));
        Assert.Equal(new DateTimeOffset(2024, 1, 15, 16, 30, 0, TimeSpan.Zero), row.Instant("b", London));
        Assert.Equal(new DateTimeOffset(2024, 7, 1, 17, 0, 0, TimeSpan.Zero), row.Instant("c", London));
    }

    [Fact]
    public async Task A_quote_never_closed_refuses_the_upload_on_its_data_naming_the_line_the_row_starts_on()
    {
        var ex = await Assert.ThrowsAsync<ValidationException>(() => ReadAsync("id,summary\n1,fine\n\n2,\"never closed\n3,swallowed\n"));

        var violation = Assert.Single(ex.Violations);
        Assert.Equal(("data", "line 4: a quoted field is not closed"), (violation.Field, violation.Description));
    }

    [Fact]
    public void Text_held_in_memory_is_read_as_an_upload_is_with_its_header_labels_named_by_the_caller()
    {
        var (header, rows) = CsvReader.Read("\uFEFFReference,Received date\r\nA 1,\"two\r\nlines\"\r\n\r\nB 2,2024-06-03", "received_csv",
            label => label.ToUpperInvariant().Replace(' ', '_'));

        Assert.Equal(["REFERENCE", "RECEIVED_DATE"], header!.Names);
        Assert.Equal([(2, "A 1", "two\nlines"), (5, "B 2", "2024-06-03")],
            rows.Select(r => (r.Line, r.Optional("REFERENCE"), r.Optional("RECEIVED_DATE"))).ToList());
        Assert.Null(CsvReader.Read("", "received_csv").Header);
    }
}
