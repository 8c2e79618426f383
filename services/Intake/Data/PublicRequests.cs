using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Intake.Data;

/// <summary>
/// Something the person asked online about their own contact (through its reference and status token):
/// more information, the next stage, or withdrawal. One row per client request id, so a repeat does nothing.
/// </summary>
public sealed class PublicRequest
{
    public Guid Id { get; set; }
    public Guid ContactId { get; set; }
    public string ClientRequestId { get; set; } = "";
    // INFORMATION, NEXT_STAGE or WITHDRAWAL.
    public string Kind { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTime ReceivedAt { get; set; }
    // The case CaseWorkflow changed, for NEXT_STAGE and WITHDRAWAL.
    public string? CaseId { get; set; }
}

public static class PublicRequestKinds
{
    public const string Information = "INFORMATION";
    public const string NextStage = "NEXT_STAGE";
    public const string Withdrawal = "WITHDRAWAL";
}

internal static class PublicRequestsModel
{
    public static void Configure(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<PublicRequest>(e =>
        {
            e.ToTable("public_requests");
            e.HasIndex(r => r.ClientRequestId).IsUnique().HasDatabaseName("ix_public_requests_client_request_id");
            e.HasIndex(r => r.ContactId);
            e.Property(r => r.ClientRequestId).HasMaxLength(100);
            e.Property(r => r.Kind).HasMaxLength(20);
            e.HasOne<Contact>().WithMany().HasForeignKey(r => r.ContactId);
        });
}
