using ComplaintsPlatform.Hosting;
using ComplaintsPlatform.Messaging;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Reporting.Data;

public sealed class ReportingDbContext(DbContextOptions<ReportingDbContext> options) : DbContext(options)
{
    public DbSet<Counter> Counters => Set<Counter>();
    public DbSet<CaseFact> Cases => Set<CaseFact>();
    public DbSet<ContactFact> Contacts => Set<ContactFact>();
    public DbSet<ComplimentFact> Compliments => Set<ComplimentFact>();
    public DbSet<DirectoryEntry> Directory => Set<DirectoryEntry>();
    public DbSet<CouncilRow> Council => Set<CouncilRow>();
    public DbSet<ReadModelState> State => Set<ReadModelState>();
    public DbSet<ApiKeyRow> ApiKeys => Set<ApiKeyRow>();

    // The generation this lease of the context reads and writes (see Generations), and the facts it has looked up.
    private (int Lease, int Generation, bool Building)? _generation;
    private FactCache? _facts;

    /// <summary>The generation chosen for this unit of work, or null until its first read-model statement.</summary>
    public int? ChosenGeneration => _generation is { } g && g.Lease == ContextId.Lease ? g.Generation : null;

    /// <summary>
    /// True when this unit of work fills a generation a rebuild is building: its counter changes are
    /// appended to that generation's pending counters and folded in once, at the switch (see CounterBatch).
    /// </summary>
    public bool Building => _generation is { } g && g.Lease == ContextId.Lease && g.Building;

    /// <summary>Reads and writes <paramref name="generation"/> (a rebuild's) instead of the serving one; before any statement.</summary>
    public void UseGeneration(int generation, bool building = false) => _generation = (ContextId.Lease, generation, building);

    /// <summary>The generation this unit of work reads, looked up now if no statement has chosen it yet.</summary>
    public async Task<int> GenerationAsync(CancellationToken ct)
    {
        if (ChosenGeneration is { } chosen)
        {
            return chosen;
        }
        var connection = Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await Database.OpenConnectionAsync(ct);
        }
        try
        {
            var serving = await Generations.ServingAsync(connection, Database.CurrentTransaction?.GetDbTransaction(), true, ct);
            UseGeneration(serving);
            return serving;
        }
        finally
        {
            if (opened)
            {
                await Database.CloseConnectionAsync();
            }
        }
    }

    /// <summary>Facts looked up or added by this unit of work, by id (absent ones too), so a batch of events queries each table once.</summary>
    public FactCache Facts => _facts is { } f && f.Lease == ContextId.Lease ? f : _facts = new FactCache(this, ContextId.Lease);

    /// <summary>Points every data statement at the unit of work's generation (with pooling, options are set where the pool is registered).</summary>
    public static DbContextOptionsBuilder WithGenerations(DbContextOptionsBuilder options) =>
        options.AddInterceptors(GenerationInterceptor.Instance);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Extensions.Schema);
        modelBuilder.AddInbox();
        modelBuilder.ConfigureDocuments();
        modelBuilder.Entity<Counter>(e =>
        {
            e.ToTable("counters");
            e.HasKey(x => new { x.Metric, x.Basis, x.Grain, x.Month, x.ServiceAreaId, x.DirectorateId, x.TeamId, x.Stream, x.Stage, x.Channel, x.Kind, x.Code });
            e.Property(x => x.Metric).HasMaxLength(32);
            e.Property(x => x.ServiceAreaId).HasMaxLength(100);
            e.Property(x => x.DirectorateId).HasMaxLength(100);
            e.Property(x => x.TeamId).HasMaxLength(100);
            e.Property(x => x.Code).HasMaxLength(100);
            // Reports read one basis and grain over a range of months for a few metrics. The index
            // covers every column a report reads, so a year is answered by an index-only scan however
            // scattered its rows lie in the table (1 M cases: p95 176 ms as loaded without it).
            e.HasIndex(x => new { x.Basis, x.Grain, x.Metric, x.Month })
                .IncludeProperties(x => new { x.ServiceAreaId, x.DirectorateId, x.TeamId, x.Stream, x.Stage, x.Channel, x.Kind, x.Code, x.Count, x.Amount });
        });
        modelBuilder.Entity<CaseFact>(e =>
        {
            e.ToTable("case_facts");
            e.HasKey(x => x.CaseId);
            e.Property(x => x.CaseId).HasMaxLength(100);
            e.Property(x => x.ServiceAreaId).HasMaxLength(100);
            e.Property(x => x.TeamId).HasMaxLength(100);
        });
        modelBuilder.Entity<ContactFact>(e =>
        {
            e.ToTable("contact_facts");
            e.HasKey(x => x.ContactId);
            e.Property(x => x.ContactId).HasMaxLength(100);
            e.Property(x => x.ServiceAreaId).HasMaxLength(100);
        });
        modelBuilder.Entity<ComplimentFact>(e =>
        {
            e.ToTable("compliment_facts");
            e.HasKey(x => x.ComplimentId);
            e.Property(x => x.ComplimentId).HasMaxLength(100);
            e.Property(x => x.ServiceAreaId).HasMaxLength(100);
            e.Property(x => x.TeamId).HasMaxLength(100);
        });
        modelBuilder.Entity<DirectoryEntry>(e =>
        {
            e.ToTable("directory");
            e.HasKey(x => new { x.Kind, x.Id });
            e.Property(x => x.Kind).HasMaxLength(50);
            e.Property(x => x.Id).HasMaxLength(100);
            e.Property(x => x.ParentId).HasMaxLength(100);
            e.Property(x => x.Name).HasMaxLength(300);
        });
        modelBuilder.Entity<CouncilRow>(e =>
        {
            e.ToTable("council");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Name).HasMaxLength(300);
            e.Property(x => x.TimeZone).HasMaxLength(100);
            e.Property(x => x.Division).HasMaxLength(40);
            e.Property(x => x.CloseOfBusiness).HasMaxLength(5);
        });
        modelBuilder.Entity<ReadModelState>(e =>
        {
            e.ToTable("read_model_state");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
        });
        modelBuilder.Entity<ApiKeyRow>(e =>
        {
            e.ToTable("api_keys");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Hash).HasMaxLength(64);
            e.Property(x => x.IssuedBy).HasMaxLength(200);
            e.HasIndex(x => x.Hash).IsUnique();
        });
        modelBuilder.UseFlatArrayComparers();
    }
}
