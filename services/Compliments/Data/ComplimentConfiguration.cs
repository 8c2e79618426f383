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
        e.Property(x => x.Id).ValueGeneratedNever();
        // Enums by name, so the table reads without the contracts at hand.
        e.Property(x => x.Source).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.ContactId).HasMaxLength(100);
        e.Property(x => x.ContactReference).HasMaxLength(100);
        e.Property(x => x.PersonId).HasMaxLength(100);
        e.Property(x => x.ServiceAreaId).HasMaxLength(100);
        e.Property(x => x.TeamId).HasMaxLength(100);
        e.Property(x => x.OfficerId).HasMaxLength(200);
        e.Property(x => x.Channel).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Giver).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Words).HasMaxLength(10_000);
        e.Property(x => x.QuotableText).HasMaxLength(QuotableTextRules.MaxLength);
        e.Property(x => x.ConsentChangedBy).HasMaxLength(200);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.SentBackReason).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.SentBackBy).HasMaxLength(200);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.Property(x => x.ImportSourceId).HasMaxLength(80);
        e.Property(x => x.ImportSourceFile).HasMaxLength(200);

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
