using ComplaintsPlatform.Hosting;
using ComplaintsPlatform.Import;
using ComplaintsPlatform.Messaging;
using ComplaintsPlatform.Retention;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.CaseWorkflow.Data;

public sealed class CaseWorkflowDbContext(DbContextOptions<CaseWorkflowDbContext> options) : DbContext(options)
{
    public DbSet<PolicyRecord> PolicyVersions => Set<PolicyRecord>();

    public DbSet<ConfigurationRecord> ConfigurationVersions => Set<ConfigurationRecord>();

    public DbSet<CaseRecord> Cases => Set<CaseRecord>();

    public DbSet<CaseAuditRecord> CaseAudit => Set<CaseAuditRecord>();

    public DbSet<CorrespondenceRecord> Correspondence => Set<CorrespondenceRecord>();

    public DbSet<TriagedContactRecord> TriagedContacts => Set<TriagedContactRecord>();

    public DbSet<PersonFlagsRecord> PersonFlags => Set<PersonFlagsRecord>();

    public DbSet<ReminderRecord> Reminders => Set<ReminderRecord>();

    public DbSet<TimeEntryRecord> OfficerTime => Set<TimeEntryRecord>();

    public DbSet<ImportedRowRecord> ImportedRows => Set<ImportedRowRecord>();

    public DbSet<ImportJobRecord> ImportJobs => Set<ImportJobRecord>();

    public DbSet<LegalHoldRecord> LegalHolds => Set<LegalHoldRecord>();

    public DbSet<DataRequestRecord> DataRequests => Set<DataRequestRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Extensions.Schema);
        modelBuilder.AddOutbox();
        modelBuilder.AddInbox();
        // CaseWorkflow owns the schedule and the holds: only the run records come from the library.
        modelBuilder.AddRetention(followsCaseWorkflow: false);
        modelBuilder.AddImportJobs();

        modelBuilder.Entity<PolicyRecord>(policy =>
        {
            policy.ToTable("procedure_policies");
            policy.HasKey(p => new { p.Stream, p.Version });
            policy.Property(p => p.Document).HasColumnType("jsonb");
            policy.Property(p => p.RecordedBy).HasMaxLength(200);
            policy.Property(p => p.ChangeReason).HasMaxLength(2000);
        });

        modelBuilder.Entity<ConfigurationRecord>(config =>
        {
            config.ToTable("council_configurations");
            config.HasKey(c => c.Version);
            config.Property(c => c.Version).ValueGeneratedNever();
            config.Property(c => c.Document).HasColumnType("jsonb");
            config.Property(c => c.RecordedBy).HasMaxLength(200);
            config.Property(c => c.Source).HasMaxLength(500);
            config.Property(c => c.ChangeReason).HasMaxLength(2000);
            config.Property(c => c.CalendarVersion).HasMaxLength(200);
        });

        CaseModel.Configure(modelBuilder);
        ImportedRowRecord.Configure(modelBuilder);
        DataProtectionModel.Configure(modelBuilder);
        modelBuilder.UseFlatArrayComparers();
    }
}
