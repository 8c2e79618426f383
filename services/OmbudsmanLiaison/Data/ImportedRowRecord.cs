using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.OmbudsmanLiaison.Data;

/// <summary>
/// A row of history already imported, by the source's own id (an enquiry by its Ombudsman and
/// reference, a recommendation by the file's id for it): the key that makes a second import change
/// nothing, and where the row came from.
/// </summary>
public sealed class ImportedRowRecord
{
    public const string EnquiryKind = "enquiry";
    public const string RecommendationKind = "recommendation";

    public string SourceKind { get; set; } = "";
    public string SourceId { get; set; } = "";
    public Guid EnquiryId { get; set; }
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
        r.HasIndex(x => x.EnquiryId);
    });
}
