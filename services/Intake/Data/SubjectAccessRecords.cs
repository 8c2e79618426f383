using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Intake.Data;

/// <summary>
/// A subject access request: whom it is about (Intake's person ids only), when it was received and is
/// due, who built and sent the package and what it held (counts per kind). The package itself is not
/// kept: it is gathered again on each download, so no second copy of the person's data exists.
/// </summary>
public sealed class SubjectAccessRecord
{
    public Guid Id { get; set; }
    public Guid[] PersonIds { get; set; } = [];
    public DateOnly ReceivedOn { get; set; }
    public DateOnly DueOn { get; set; }
    public int Status { get; set; }
    public string OpenedBy { get; set; } = "";
    public DateTime OpenedAt { get; set; }
    public string? BuiltBy { get; set; }
    public DateTime? BuiltAt { get; set; }
    // [{"kind":"contact","count":2}, ...]
    public string Counts { get; set; } = "[]";
    public int FlaggedFields { get; set; }
    public string? SentBy { get; set; }
    public DateOnly? SentOn { get; set; }
}

internal static class SubjectAccessModel
{
    public static void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<SubjectAccessRecord>(e =>
    {
        e.ToTable("subject_access_requests");
        e.Property(r => r.Counts).HasColumnType("jsonb");
        e.Property(r => r.OpenedBy).HasMaxLength(200);
        e.Property(r => r.BuiltBy).HasMaxLength(200);
        e.Property(r => r.SentBy).HasMaxLength(200);
        e.HasIndex(r => r.OpenedAt);
    });
}
