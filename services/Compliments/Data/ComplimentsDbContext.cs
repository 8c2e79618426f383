using ComplaintsPlatform.Compliments.Domain;
using ComplaintsPlatform.Hosting;
using ComplaintsPlatform.Messaging;
using ComplaintsPlatform.Import;
using ComplaintsPlatform.Retention;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Compliments.Data;

public sealed class ComplimentsDbContext(DbContextOptions<ComplimentsDbContext> options) : DbContext(options)
{
    public DbSet<Compliment> Compliments => Set<Compliment>();

    public DbSet<KnownServiceArea> ServiceAreas => Set<KnownServiceArea>();

    public DbSet<KnownTeam> Teams => Set<KnownTeam>();

    public DbSet<KnownOfficer> Officers => Set<KnownOfficer>();

    public DbSet<KnownCouncil> Council => Set<KnownCouncil>();

    public DbSet<ImportJobRecord> ImportJobs => Set<ImportJobRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Extensions.Schema);
        modelBuilder.AddOutbox();
        modelBuilder.AddInbox();
        modelBuilder.AddRetention();
        modelBuilder.AddReadAudit();
        modelBuilder.ApplyConfiguration(new ComplimentConfiguration());
        modelBuilder.AddImportJobs();

        modelBuilder.Entity<KnownServiceArea>(e =>
        {
            e.ToTable("service_areas");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(100);
            e.Property(x => x.DirectorateId).HasMaxLength(100);
            e.HasIndex(x => x.DirectorateId);
        });
        modelBuilder.Entity<KnownTeam>(e =>
        {
            e.ToTable("teams");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(100);
            e.Property(x => x.ServiceAreaId).HasMaxLength(100);
        });
        modelBuilder.Entity<KnownOfficer>(e =>
        {
            e.ToTable("officers");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(200);
        });
        modelBuilder.Entity<KnownCouncil>(e =>
        {
            e.ToTable("council");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.TimeZone).HasMaxLength(100);
        });
        modelBuilder.UseFlatArrayComparers();
    }
}
