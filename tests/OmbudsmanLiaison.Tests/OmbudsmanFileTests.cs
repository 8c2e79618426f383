using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Ombudsman.V1;
using ComplaintsPlatform.OmbudsmanLiaison.Domain;
using Xunit;

namespace ComplaintsPlatform.OmbudsmanLiaison.Tests;

/// <summary>The Ombudsman's spreadsheet exports as the annual-letter reconciliation reads them; no database.</summary>
public sealed class OmbudsmanFileTests
{
    private const string NoDecisions = "Reference,Decision,Decided date\n";
    private const string NoCompliance = "Reference,Compliance\n";

    private static Reconciliation Reconcile(string received) =>
        AnnualLetterReconciler.Reconcile([], new AnnualLetterReconciler.Files(received, NoDecisions, NoCompliance),
            new DateOnly(2024, 4, 1), new DateOnly(2025, 3, 31));

    [Fact]
    public void A_quoted_line_break_in_a_cell_of_the_Ombudsmans_export_stays_inside_its_row()
    {
        var result = Reconcile("Reference,Received date,Notes\r\n24 000 001,01/05/2024,\"Roof leak,\r\nreported twice\"\r\n24 000 002,2024-06-03,Noise\r\n");

        Assert.Equal(2, result.ReceivedRows);
        Assert.Equal([("24 000 001", "2024-05-01"), ("24 000 002", "2024-06-03")],
            result.Differences.Select(d => (d.OmbudsmanReference, d.Theirs)).ToList());
    }

    [Fact]
    public void A_bad_cell_after_a_row_spanning_lines_is_refused_with_the_physical_line_its_row_starts_on()
    {
        var ex = Assert.Throws<ValidationException>(() =>
            Reconcile("Reference,Received date,Notes\n24 000 001,01/05/2024,\"two\nlines\"\n24 000 002,31/02/2024,x\n"));

        var violation = Assert.Single(ex.Violations);
        Assert.Equal(("received_csv", "line 4: RECEIVED_DATE '31/02/2024' is not a date (YYYY-MM-DD or DD/MM/YYYY)"), (violation.Field, violation.Description));
    }

    [Fact]
    public void A_quote_never_closed_refuses_the_file_with_its_line()
    {
        var ex = Assert.Throws<ValidationException>(() => Reconcile("Reference,Received date\n24 000 001,01/05/2024\n24 000 002,\"2024-06-03\n"));

        var violation = Assert.Single(ex.Violations);
        Assert.Equal(("received_csv", "line 3: a quoted field is not closed"), (violation.Field, violation.Description));
    }
}
