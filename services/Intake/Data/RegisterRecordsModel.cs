using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Intake.Data;

/// <summary>The registers' tables, kept apart from the contact model they sit beside.</summary>
internal static class RegisterRecordsModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PersonAdjustment>(e =>
        {
            e.ToTable("person_adjustments");
            e.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId);
            e.HasIndex(a => a.PersonId);
            // The review queue: active records, soonest due first.
            e.HasIndex(a => a.NextReviewOn).HasFilter("ended_on IS NULL").HasDatabaseName("ix_person_adjustments_due");
            e.Property(a => a.AgreedBy).HasMaxLength(200);
        });
        modelBuilder.Entity<PersonRestriction>(e =>
        {
            e.ToTable("person_restrictions");
            e.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId);
            e.HasIndex(r => r.PersonId).HasFilter("ended_on IS NULL").HasDatabaseName("ix_person_restrictions_active");
            e.HasIndex(r => r.NextReviewOn).HasFilter("ended_on IS NULL").HasDatabaseName("ix_person_restrictions_due");
        });
        modelBuilder.Entity<RegisterReviewEntry>(e =>
        {
            e.ToTable("register_reviews");
            e.HasIndex(r => r.RecordId);
        });
        modelBuilder.Entity<RestrictionScreening>(e =>
        {
            e.ToTable("restriction_screenings");
            e.HasKey(s => s.ContactId);
            e.HasOne<Contact>().WithOne().HasForeignKey<RestrictionScreening>(s => s.ContactId);
        });
    }
}
