using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Retention;

/// <summary>The schedule as CaseWorkflow last announced it: one row per kind of record.</summary>
public sealed class RetentionRuleRecord
{
    public int Kind { get; set; }
    public int After { get; set; }
    public int Months { get; set; }
    public int Action { get; set; }
    public int ConfigurationVersion { get; set; }
}

/// <summary>An active legal hold, as CaseWorkflow announced it (ids only): nothing linked to it is removed.</summary>
public sealed class HeldRecord
{
    public string HoldId { get; set; } = "";
    public string? PersonId { get; set; }
    public string[] CaseIds { get; set; } = [];
    public string[] ContactIds { get; set; } = [];
    public DateTimeOffset ChangedAt { get; set; }
}

/// <summary>One run of the service's retention job; its counts per kind are kept as JSON.</summary>
public sealed class RetentionRunRecord
{
    public Guid Id { get; set; }
    public int Trigger { get; set; }
    public DateOnly AsOf { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public string RequestedBy { get; set; } = "";
    public int ConfigurationVersion { get; set; }
    public string? ErasureRequestId { get; set; }
    public string Counts { get; set; } = "[]";
}

/// <summary>A record a run erased or anonymised: its id and kind, nothing else.</summary>
public sealed class RetentionRunItem
{
    public long Id { get; set; }
    public Guid RunId { get; set; }
    public int Kind { get; set; }
    public int Action { get; set; }
    public string RecordId { get; set; } = "";
}

/// <summary>The retention tables as part of a service's own EF model, in its schema, through its own migrations.</summary>
public static class RetentionModel
{
    /// <summary>
    /// The run records, and unless <paramref name="followsCaseWorkflow"/> is false (CaseWorkflow itself), the
    /// schedule and legal holds as announced on CaseWorkflow's feed.
    /// </summary>
    public static ModelBuilder AddRetention(this ModelBuilder modelBuilder, bool followsCaseWorkflow = true)
    {
        if (followsCaseWorkflow)
        {
            AddApplied(modelBuilder);
        }
        modelBuilder.Entity<RetentionRunRecord>(e =>
        {
            e.ToTable("retention_runs");
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).ValueGeneratedNever();
            e.Property(r => r.RequestedBy).HasMaxLength(200);
            e.Property(r => r.ErasureRequestId).HasMaxLength(100);
            e.Property(r => r.Counts).HasColumnType("jsonb");
            e.HasIndex(r => r.StartedAt);
        });
        modelBuilder.Entity<RetentionRunItem>(e =>
        {
            e.ToTable("retention_run_items");
            e.Property(i => i.Id).UseIdentityAlwaysColumn();
            e.Property(i => i.RecordId).HasMaxLength(100);
            e.HasIndex(i => i.RunId);
        });
        return modelBuilder;
    }

    private static void AddApplied(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<RetentionRuleRecord>(e =>
        {
            e.ToTable("retention_rules");
            e.HasKey(r => r.Kind);
            e.Property(r => r.Kind).ValueGeneratedNever();
        });
        modelBuilder.Entity<HeldRecord>(e =>
        {
            e.ToTable("legal_holds_applied");
            e.HasKey(h => h.HoldId);
            e.Property(h => h.HoldId).HasMaxLength(100);
            e.Property(h => h.PersonId).HasMaxLength(100);
        });
    }
}
