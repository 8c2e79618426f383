using ComplaintsPlatform.Common.V1;

namespace ComplaintsPlatform.ImportTool;

/// <summary>The report as a person reads it: the counts, then each fault and warning by line and column.</summary>
public static class ReportPrinter
{
    public static void Print(ImportReport report, TextWriter output)
    {
        output.WriteLine($"{report.SourceFile}{(report.DryRun ? " (dry run: nothing was changed)" : "")}");
        output.WriteLine($"  rows read      {report.RowsRead,8}");
        output.WriteLine($"  {(report.DryRun ? "would import" : "imported    ")}   {report.RowsImported,8}");
        output.WriteLine($"  unchanged      {report.RowsUnchanged,8}");
        output.WriteLine($"  failed         {report.RowsFailed,8}");
        Lines(output, "Errors", report.Errors);
        Lines(output, "Warnings", report.Warnings);
    }

    // The service keeps the first 1,000 of each.
    private const int Kept = 1000;

    private static void Lines(TextWriter output, string title, IReadOnlyCollection<ImportRowError> items)
    {
        if (items.Count == 0)
        {
            return;
        }
        output.WriteLine($"{title}:");
        foreach (var e in items)
        {
            output.WriteLine($"  line {e.Line}{(e.Column.Length > 0 ? $", {e.Column}" : "")}: {e.Reason}");
        }
        if (items.Count >= Kept)
        {
            output.WriteLine($"  (only the first {Kept} are kept)");
        }
    }
}
