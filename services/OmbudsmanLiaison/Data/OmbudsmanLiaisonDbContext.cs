using ComplaintsPlatform.Hosting;
using ComplaintsPlatform.Import;
using ComplaintsPlatform.Messaging;
using ComplaintsPlatform.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintsPlatform.OmbudsmanLiaison.Data;

public sealed class OmbudsmanLiaisonDbContext(DbContextOptions<OmbudsmanLiaisonDbContext> options) : DbContext(options)
{
    public DbSet<EnquiryRecord> Enquiries => Set<EnquiryRecord>();
    public DbSet<InformationRequestRecord> InformationRequests => Set<InformationRequestRecord>();
    public DbSet<CorrespondenceRecord> Correspondence => Set<CorrespondenceRecord>();
    public DbSet<RecommendationRecord> Recommendations => Set<RecommendationRecord>();
    public DbSet<HousingFindingRecord> HousingFindings => Set<HousingFindingRecord>();
    public DbSet<OrderRecord> Orders => Set<OrderRecord>();
    public DbSet<ReminderRecord> Reminders => Set<ReminderRecord>();
    public DbSet<CouncilSettingsRecord> CouncilSettings => Set<CouncilSettingsRecord>();
    public DbSet<BenchmarkRecord> Benchmarks => Set<BenchmarkRecord>();
    public DbSet<ImportedRowRecord> ImportedRows => Set<ImportedRowRecord>();
    public DbSet<ImportJobRecord> ImportJobs => Set<ImportJobRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Extensions.Schema);
        modelBuilder.AddOutbox();
        modelBuilder.AddInbox();
        modelBuilder.AddRetention();
        modelBuilder.AddReadAudit();
        modelBuilder.AddImportJobs();

        modelBuilder.Entity<EnquiryRecord>(e =>
        {
            e.ToTable("enquiries");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Ombudsman).StoredByName();
            e.Property(x => x.OmbudsmanReference).HasMaxLength(50);
            e.HasIndex(x => new { x.Ombudsman, x.OmbudsmanReference }).IsUnique();
            e.Property(x => x.DirectorateId).HasMaxLength(100);
            e.Property(x => x.CaseId).HasMaxLength(100);
            e.Property(x => x.CaseReference).HasMaxLength(100);
            e.HasIndex(x => x.CaseReference);
            e.Property(x => x.Summary).HasMaxLength(4000);
            e.Property(x => x.RecordedBy).HasMaxLength(200);
            e.Property(x => x.Decision).StoredByName();
            e.Property(x => x.ClosureReason).StoredByName();
            e.Property(x => x.DecisionNote).HasMaxLength(4000);
            e.HasMany(x => x.Requests).WithOne().HasForeignKey(r => r.EnquiryId);
            e.HasMany(x => x.Correspondence).WithOne().HasForeignKey(r => r.EnquiryId);
            e.HasMany(x => x.Recommendations).WithOne().HasForeignKey(r => r.EnquiryId);
            e.HasMany(x => x.HousingFindings).WithOne().HasForeignKey(r => r.EnquiryId);
            e.HasMany(x => x.Orders).WithOne().HasForeignKey(r => r.EnquiryId);
            e.Ignore(x => x.IsDecided);
        });

        modelBuilder.Entity<HousingFindingRecord>(e =>
        {
            e.ToTable("housing_findings");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Element).HasMaxLength(300);
            e.Property(x => x.Determination).StoredByName();
            e.HasIndex(x => new { x.EnquiryId, x.Position }).IsUnique();
        });

        modelBuilder.Entity<OrderRecord>(e =>
        {
            e.ToTable("orders");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Type).StoredByName();
            e.Property(x => x.Description).HasMaxLength(4000);
            e.Property(x => x.Evidence).HasMaxLength(4000);
            e.Property(x => x.RecordedBy).HasMaxLength(200);
            e.ComplexProperty(x => x.EvidenceDocument, Document);
        });

        modelBuilder.Entity<InformationRequestRecord>(e =>
        {
            e.ToTable("information_requests");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.CalendarVersion).HasMaxLength(200);
            e.Property(x => x.Summary).HasMaxLength(4000);
            e.Property(x => x.RecordedBy).HasMaxLength(200);
        });

        modelBuilder.Entity<CorrespondenceRecord>(e =>
        {
            e.ToTable("correspondence");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Direction).StoredByName();
            e.Property(x => x.Summary).HasMaxLength(4000);
            e.Property(x => x.RecordedBy).HasMaxLength(200);
            e.ComplexProperty(x => x.Document, Document);
        });

        modelBuilder.Entity<RecommendationRecord>(e =>
        {
            e.ToTable("recommendations");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Type).StoredByName();
            e.Property(x => x.Description).HasMaxLength(4000);
            e.Property(x => x.Evidence).HasMaxLength(4000);
            e.Property(x => x.RecordedBy).HasMaxLength(200);
            e.ComplexProperty(x => x.EvidenceDocument, Document);
        });

        modelBuilder.Entity<ReminderRecord>(e =>
        {
            e.ToTable("reminder_queue");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Kind).StoredByName();
            // One reminder per deadline date: a recomputed deadline is reminded again.
            e.HasIndex(x => new { x.Kind, x.SubjectId, x.DueOn }).IsUnique();
        });

        modelBuilder.Entity<CouncilSettingsRecord>(e =>
        {
            e.ToTable("council_settings");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Division).HasMaxLength(40);
            e.Property(x => x.TimeZone).HasMaxLength(100);
            e.Property(x => x.CloseOfBusiness).HasMaxLength(10);
            e.Property(x => x.CalendarVersion).HasMaxLength(200);
        });

        modelBuilder.Entity<BenchmarkRecord>(e =>
        {
            e.ToTable("benchmark_figures");
            e.HasKey(x => new { x.Year, x.Ombudsman });
            e.Property(x => x.Ombudsman).StoredByName();
            e.Property(x => x.Document).HasColumnType("jsonb");
            e.Property(x => x.RecordedBy).HasMaxLength(200);
        });

        ImportedRowRecord.Configure(modelBuilder);
        modelBuilder.UseFlatArrayComparers();
    }

    private static void Document(ComplexPropertyBuilder<DocumentColumns> document)
    {
        document.Property(d => d.FileName).HasMaxLength(300);
        document.Property(d => d.ContentType).HasMaxLength(100);
        document.Property(d => d.Reference).HasMaxLength(300);
    }
}
