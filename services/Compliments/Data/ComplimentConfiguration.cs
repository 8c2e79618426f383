using ComplaintsPlatform.Compliments.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintsPlatform.Compliments.Data;

internal sealed class ComplimentConfiguration : IEntityTypeConfiguration<Compliment>
{
    public void Configure(EntityTypeBuilder<Compliment> e)
    {
        e.ToTable("compliments");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        // Enums by name, so the table reads without the contracts at hand.
        e.Property(x => x.Source).HasColumnName("source").HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.ContactId).HasColumnName("contact_id").HasMaxLength(100);
        e.Property(x => x.ContactReference).HasColumnName("contact_reference").HasMaxLength(100);
        e.Property(x => x.PersonId).HasColumnName("person_id").HasMaxLength(100);
        e.Property(x => x.ServiceAreaId).HasColumnName("service_area_id").HasMaxLength(100);
        e.Property(x => x.TeamId).HasColumnName("team_id").HasMaxLength(100);
        e.Property(x => x.OfficerId).HasColumnName("officer_id").HasMaxLength(200);
        e.Property(x => x.Channel).HasColumnName("channel").HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Giver).HasColumnName("giver").HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.ReceivedOn).HasColumnName("received_on");
        e.Property(x => x.Words).HasColumnName("words").HasMaxLength(10_000);
        e.Property(x => x.ConsentToQuote).HasColumnName("consent_to_quote");
        e.Property(x => x.QuotableText).HasColumnName("quotable_text").HasMaxLength(QuotableTextRules.MaxLength);
        e.Property(x => x.ConsentChangedBy).HasColumnName("consent_changed_by").HasMaxLength(200);
        e.Property(x => x.ConsentChangedAt).HasColumnName("consent_changed_at");
        e.Property(x => x.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.SentBackReason).HasColumnName("sent_back_reason").HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.SentBackBy).HasColumnName("sent_back_by").HasMaxLength(200);
        e.Property(x => x.SentBackAt).HasColumnName("sent_back_at");
        e.Property(x => x.RecordedBy).HasColumnName("recorded_by").HasMaxLength(200);
        e.Property(x => x.RecordedAt).HasColumnName("recorded_at");
        e.Property(x => x.Imported).HasColumnName("imported");
        e.Property(x => x.ImportSourceId).HasColumnName("import_source_id").HasMaxLength(80);
        e.Property(x => x.ImportSourceFile).HasColumnName("import_source_file").HasMaxLength(200);
        e.Property(x => x.ImportLine).HasColumnName("import_line");
        e.Property(x => x.ImportFingerprint).HasColumnName("import_fingerprint");

        // One compliment per Intake contact, whatever the feed redelivers.
        e.HasIndex(x => x.ContactId).IsUnique().HasFilter("contact_id IS NOT NULL");
        // The guarantee behind an idempotent import: one compliment per source id.
        e.HasIndex(x => x.ImportSourceId).IsUnique().HasFilter("import_source_id IS NOT NULL");
        e.HasIndex(x => new { x.ServiceAreaId, x.ReceivedOn });
        e.HasIndex(x => x.TeamId);
        e.HasIndex(x => x.OfficerId);
        e.HasIndex(x => x.RecordedBy);
    }
}
