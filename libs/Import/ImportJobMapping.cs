using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Import;

/// <summary>The import_jobs table, the same in every service's schema.</summary>
public static class ImportJobMapping
{
    public static ModelBuilder AddImportJobs(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ImportJobRecord>(e =>
        {
            e.ToTable("import_jobs");
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasMaxLength(50);
            e.Property(x => x.SourceFile).HasMaxLength(ImportRun.MaxSourceFileLength);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.StartedBy).HasMaxLength(200);
            e.Property(x => x.Failure).HasMaxLength(2000);
            e.HasIndex(x => new { x.Status, x.QueuedAt });
        });
        return modelBuilder;
    }
}
