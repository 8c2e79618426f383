using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.CaseWorkflow.Data;

/// <summary>A legal hold on a person (Intake's id) or a case: while active, retention removes nothing linked to it.</summary>
public sealed class LegalHoldRecord
{
    public Guid Id { get; set; }
    public string? PersonId { get; set; }
    public Guid? CaseId { get; set; }
    public string? CaseReference { get; set; }
    public string Reason { get; set; } = "";
    public DateTimeOffset PlacedAt { get; set; }
    public string PlacedBy { get; set; } = "";
    public DateTimeOffset? ReleasedAt { get; set; }
    public string? ReleasedBy { get; set; }
    public string? ReleaseReason { get; set; }

    public bool Active => ReleasedAt is null;
}

/// <summary>A person's request to erase or rectify their data: what they asked, and who decided what.</summary>
public sealed class DataRequestRecord
{
    public Guid Id { get; set; }
    public int Kind { get; set; }
    public string? PersonId { get; set; }
    public Guid? CaseId { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public string Reason { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";
    public int Decision { get; set; }
    public string? DecisionReason { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
}

internal static class DataProtectionModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<LegalHoldRecord>(h =>
        {
            h.ToTable("legal_holds");
            h.HasKey(x => x.Id);
            h.Property(x => x.Id).ValueGeneratedNever();
            h.Property(x => x.PersonId).HasMaxLength(100);
            h.Property(x => x.CaseReference).HasMaxLength(100);
            h.Property(x => x.Reason).HasMaxLength(2000);
            h.Property(x => x.PlacedBy).HasMaxLength(200);
            h.Property(x => x.ReleasedBy).HasMaxLength(200);
            h.Property(x => x.ReleaseReason).HasMaxLength(2000);
            h.Ignore(x => x.Active);
        });
        modelBuilder.Entity<DataRequestRecord>(r =>
        {
            r.ToTable("data_requests");
            r.HasKey(x => x.Id);
            r.Property(x => x.Id).ValueGeneratedNever();
            r.Property(x => x.PersonId).HasMaxLength(100);
            r.Property(x => x.Reason).HasMaxLength(4000);
            r.Property(x => x.RecordedBy).HasMaxLength(200);
            r.Property(x => x.DecisionReason).HasMaxLength(4000);
            r.Property(x => x.DecidedBy).HasMaxLength(200);
            r.HasIndex(x => x.RecordedAt);
        });
    }
}
