using ComplaintsPlatform.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ComplaintsPlatform.Messaging.Tests.Synthetic;

/// <summary>A stand-in producing service: one table of its own plus the outbox, in the intake schema.</summary>
public sealed class ProducerDb(DbContextOptions<ProducerDb> options) : DbContext(options)
{
    public const string Schema = "intake";

    public DbSet<Contact> Contacts => Set<Contact>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.Entity<Contact>(e =>
        {
            e.ToTable("contacts");
            e.HasKey(x => x.Id);
            e.Property(x => x.Reference).HasMaxLength(40);
        });
        modelBuilder.AddOutbox();
    }

    public static ProducerDb Open(string connectionString) => new(ServiceDatabase.Options<ProducerDb>(connectionString, Schema));
}

public sealed class Contact
{
    public Guid Id { get; set; }

    public string Reference { get; set; } = "";
}

internal sealed class ProducerDbDesignFactory : IDesignTimeDbContextFactory<ProducerDb>
{
    public ProducerDb CreateDbContext(string[] args) => ProducerDb.Open("Host=localhost;Database=design");
}
