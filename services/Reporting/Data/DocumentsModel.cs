using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Reporting.Data;

/// <summary>One row of the Ombudsman's annual-letter benchmark figures (read model, rebuilt by replay).</summary>
public sealed class BenchmarkFigure
{
    public int Year { get; set; }
    public short Ombudsman { get; set; }
    public short Scope { get; set; }
    public string CouncilCode { get; set; } = "";
    public int UpheldRateBasisPoints { get; set; }
    public int UpheldPer100kHundredths { get; set; }
    public int ComplianceBasisPoints { get; set; }
    public int SatisfactoryRemedyBasisPoints { get; set; }
}

/// <summary>The Code-conformance check of a stream's latest policy, as CaseWorkflow published it (read model).</summary>
public sealed class PolicyConformanceRow
{
    public short Stream { get; set; }
    public int PolicyVersion { get; set; }
    public bool Checked { get; set; }
    // "paragraph\tmessage" lines: no personal data, only the check's own wording.
    public string Deviations { get; set; } = "";
}

/// <summary>
/// The complaints team's assessment of one provision of the Code for one year. Reporting's own data:
/// not built from any feed, so never deleted by a rebuild.
/// </summary>
public sealed class SelfAssessmentEntry
{
    public int Year { get; set; }
    public string Paragraph { get; set; } = "";
    public short Status { get; set; }
    public string Evidence { get; set; } = "";
    public string Commentary { get; set; } = "";
    public string AssessedBy { get; set; } = "";
    public DateTime AssessedAt { get; set; }
}

/// <summary>The audit trail of the register: every changed field, who changed it and when.</summary>
public sealed class SelfAssessmentAudit
{
    public long Id { get; set; }
    public int Year { get; set; }
    public string Paragraph { get; set; } = "";
    public string Field { get; set; } = "";
    public string OldValue { get; set; } = "";
    public string NewValue { get; set; } = "";
    public string ChangedBy { get; set; } = "";
    public DateTime ChangedAt { get; set; }
}

/// <summary>
/// An Ombudsman enquiry about a case, kept until the case's stream is known: the statutory reports
/// count referrals per stream whichever of the two feeds is applied first (read model).
/// </summary>
public sealed class OmbudsmanReferral
{
    public string EnquiryId { get; set; } = "";
    public string CaseId { get; set; } = "";
    public DateOnly ReceivedOn { get; set; }
    public bool Counted { get; set; }
}

/// <summary>An Ombudsman enquiry: which Ombudsman, which directorate, and when it was decided (read model).</summary>
public sealed class OmbudsmanEnquiryFact
{
    public string EnquiryId { get; set; } = "";
    public short Ombudsman { get; set; }
    public string DirectorateId { get; set; } = "";
    public DateOnly? DecidedOn { get; set; }
}

/// <summary>
/// One recommendation of the Ombudsman, kept so that compliance is counted per case as the Ombudsman
/// counts it, and a remedy still open 12 months after the decision is seen as delayed (read model).
/// </summary>
public sealed class OmbudsmanRecommendationFact
{
    public string RecommendationId { get; set; } = "";
    public string EnquiryId { get; set; } = "";
    public short Ombudsman { get; set; }
    public string DirectorateId { get; set; } = "";
    public DateOnly AgreedOn { get; set; }
    public DateOnly DueOn { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public bool Late { get; set; }
}

/// <summary>
/// One Housing Ombudsman order, kept apart from recommendations so that compliance with orders is counted
/// per case, and orders outstanding or overdue at a date are known (read model).
/// </summary>
public sealed class OmbudsmanOrderFact
{
    public string OrderId { get; set; } = "";
    public string EnquiryId { get; set; } = "";
    public short Ombudsman { get; set; }
    public string DirectorateId { get; set; } = "";
    public DateOnly OrderedOn { get; set; }
    public DateOnly ComplianceDueOn { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public bool Late { get; set; }
}

internal static class DocumentsModel
{
    public static void ConfigureDocuments(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<BenchmarkFigure>(e =>
        {
            e.ToTable("benchmark_figures");
            e.HasKey(x => new { x.Year, x.Ombudsman, x.Scope, x.CouncilCode });
            e.Property(x => x.CouncilCode).HasMaxLength(100);
            // Named as the Ombudsman's letter abbreviates them, not as the convention would spell the properties.
            e.Property(x => x.UpheldRateBasisPoints).HasColumnName("upheld_rate_bp");
            e.Property(x => x.UpheldPer100kHundredths).HasColumnName("upheld_per_100k_hundredths");
            e.Property(x => x.ComplianceBasisPoints).HasColumnName("compliance_bp");
            e.Property(x => x.SatisfactoryRemedyBasisPoints).HasColumnName("satisfactory_remedy_bp");
        });
        modelBuilder.Entity<PolicyConformanceRow>(e =>
        {
            e.ToTable("policy_conformance");
            e.HasKey(x => x.Stream);
            e.Property(x => x.Stream).ValueGeneratedNever();
        });
        modelBuilder.Entity<OmbudsmanReferral>(e =>
        {
            e.ToTable("ombudsman_referrals");
            e.HasKey(x => x.EnquiryId);
            e.Property(x => x.EnquiryId).HasMaxLength(100);
            e.Property(x => x.CaseId).HasMaxLength(100);
            e.HasIndex(x => x.CaseId);
        });
        modelBuilder.Entity<OmbudsmanEnquiryFact>(e =>
        {
            e.ToTable("ombudsman_enquiry_facts");
            e.HasKey(x => x.EnquiryId);
            e.Property(x => x.EnquiryId).HasMaxLength(100);
            e.Property(x => x.DirectorateId).HasMaxLength(100);
        });
        modelBuilder.Entity<OmbudsmanRecommendationFact>(e =>
        {
            e.ToTable("ombudsman_recommendation_facts");
            e.HasKey(x => x.RecommendationId);
            e.Property(x => x.RecommendationId).HasMaxLength(100);
            e.Property(x => x.EnquiryId).HasMaxLength(100);
            e.Property(x => x.DirectorateId).HasMaxLength(100);
            e.HasIndex(x => x.EnquiryId);
        });
        modelBuilder.Entity<OmbudsmanOrderFact>(e =>
        {
            e.ToTable("ombudsman_order_facts");
            e.HasKey(x => x.OrderId);
            e.Property(x => x.OrderId).HasMaxLength(100);
            e.Property(x => x.EnquiryId).HasMaxLength(100);
            e.Property(x => x.DirectorateId).HasMaxLength(100);
            e.HasIndex(x => x.EnquiryId);
        });
        modelBuilder.Entity<RemedyFact>(e =>
        {
            e.ToTable("remedy_facts");
            e.HasKey(x => x.RemedyId);
            e.Property(x => x.RemedyId).HasMaxLength(100);
            e.Property(x => x.CaseId).HasMaxLength(100);
            e.Property(x => x.ServiceAreaId).HasMaxLength(100);
            e.Property(x => x.TeamId).HasMaxLength(100);
            e.Property(x => x.TypeCode).HasMaxLength(100);
        });
        modelBuilder.Entity<SelfAssessmentEntry>(e =>
        {
            e.ToTable("self_assessment");
            e.HasKey(x => new { x.Year, x.Paragraph });
            e.Property(x => x.Paragraph).HasMaxLength(10);
            e.Property(x => x.Evidence).HasMaxLength(4000);
            e.Property(x => x.Commentary).HasMaxLength(4000);
            e.Property(x => x.AssessedBy).HasMaxLength(200);
        });
        modelBuilder.Entity<SelfAssessmentAudit>(e =>
        {
            e.ToTable("self_assessment_changes");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).UseIdentityAlwaysColumn();
            e.Property(x => x.Paragraph).HasMaxLength(10);
            e.Property(x => x.Field).HasMaxLength(20);
            e.Property(x => x.OldValue).HasMaxLength(4000);
            e.Property(x => x.NewValue).HasMaxLength(4000);
            e.Property(x => x.ChangedBy).HasMaxLength(200);
            e.HasIndex(x => new { x.Year, x.Paragraph });
        });
    }
}
