using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.CaseWorkflow.Data;

/// <summary>
/// A row of history already imported, by the source system's own id: the unique key that makes a
/// second import of the same file change nothing. The case it made or changed, and where it came from.
/// </summary>
public sealed class ImportedRowRecord
{
    public const string CaseKind = "case";
    public const string ActionKind = "case-action";

    public string SourceKind { get; set; } = "";
    public string SourceId { get; set; } = "";
    public Guid CaseId { get; set; }
    public string SourceFile { get; set; } = "";
    public int Line { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
    public string ImportedBy { get; set; } = "";

    internal static void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<ImportedRowRecord>(r =>
    {
        r.ToTable("imported_rows");
        r.HasKey(x => new { x.SourceKind, x.SourceId });
        r.Property(x => x.SourceKind).HasMaxLength(40);
        r.Property(x => x.SourceId).HasMaxLength(200);
        r.Property(x => x.SourceFile).HasMaxLength(500);
        r.Property(x => x.ImportedBy).HasMaxLength(200);
        r.HasIndex(x => x.CaseId);
    });
}
