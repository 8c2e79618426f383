using ComplaintsPlatform.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ComplaintsPlatform.Messaging.Tests.Synthetic;

/// <summary>A stand-in consuming service: a read model plus the inbox and checkpoints, in the reporting schema.</summary>
public sealed class ConsumerDb(DbContextOptions<ConsumerDb> options) : DbContext(options)
{
    public const string Schema = "reporting";

    public DbSet<AppliedContact> Applied => Set<AppliedContact>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.Entity<AppliedContact>(e =>
        {
            e.ToTable("applied_contacts");
            e.HasKey(x => x.Seq);
            e.Property(x => x.Seq).UseIdentityAlwaysColumn();
            // EventId deliberately not unique: a duplicate application must be visible to the tests.
            e.Property(x => x.Reference).HasMaxLength(40);
            e.Property(x => x.Replica).HasMaxLength(20);
        });
        modelBuilder.AddInbox();
    }

    public static ConsumerDb Open(string connectionString) => new(ServiceDatabase.Options<ConsumerDb>(connectionString, Schema));
}

public sealed class AppliedContact
{
    public long Seq { get; set; }

    public Guid EventId { get; set; }

    public string Reference { get; set; } = "";

    public long Position { get; set; }

    public string Replica { get; set; } = "";
}

internal sealed class ConsumerDbDesignFactory : IDesignTimeDbContextFactory<ConsumerDb>
{
    public ConsumerDb CreateDbContext(string[] args) => ConsumerDb.Open("Host=localhost;Database=design");
}
