using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.CaseWorkflow.Data;

internal static class CaseModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CaseRecord>(c =>
        {
            c.ToTable("cases");
            c.HasKey(x => x.Id);
            c.Property(x => x.Reference).HasMaxLength(100);
            c.Property(x => x.ContactId).HasMaxLength(100);
            c.Property(x => x.DirectorateId).HasMaxLength(100);
            c.Property(x => x.ServiceAreaId).HasMaxLength(100);
            c.Property(x => x.TeamId).HasMaxLength(100);
            c.Property(x => x.HandlerId).HasMaxLength(200);
            c.Property(x => x.Document).HasColumnType("jsonb");
            c.Property(x => x.Revision).IsConcurrencyToken();
            c.HasIndex(x => x.Reference).IsUnique();
            // A contact opens at most one case, however often its triage event is delivered.
            c.HasIndex(x => x.ContactId).IsUnique().HasFilter("contact_id IS NOT NULL");
            c.Property(x => x.PersonId).HasMaxLength(100);
            c.HasIndex(x => x.PersonId);
            // Retention finds closed cases whose words are still there.
            c.HasIndex(x => x.ClosedOn).HasFilter("anonymised_at IS NULL AND closed_on IS NOT NULL").HasDatabaseName("ix_cases_retention_due");
            c.HasIndex(x => new { x.NextDeadline, x.Id });
            c.HasIndex(x => new { x.HandlerId, x.NextDeadline });
            c.HasIndex(x => new { x.TeamId, x.NextDeadline });
            c.HasIndex(x => x.HasOpenDeadlines).HasFilter("has_open_deadlines");
            // The deadline watcher reads only the cases owed a reminder today, never every open case.
            c.HasIndex(x => new { x.NextReminderOn, x.Id }).HasFilter("next_reminder_on IS NOT NULL");
            // The safeguarding queue in deadline order, without sorting the flagged cases on every read.
            c.HasIndex([nameof(CaseRecord.NextDeadline), nameof(CaseRecord.Id)], "IX_cases_safeguarding_next_deadline").HasFilter("safeguarding_concern");
            // A link officer's lists: the few cases behind Ombudsman matters, in deadline order.
            c.HasIndex([nameof(CaseRecord.NextDeadline), nameof(CaseRecord.Id)], "IX_cases_ombudsman_next_deadline").HasFilter("behind_ombudsman_matter");
        });

        modelBuilder.Entity<ReminderRecord>(r =>
        {
            r.ToTable("reminders");
            r.HasKey(x => x.Id);
            r.Property(x => x.Reference).HasMaxLength(100);
            r.Property(x => x.OfficerId).HasMaxLength(200);
            // Exactly once: one reminder of each kind per deadline (case, stage, clock, due date), whatever the replicas do.
            r.HasIndex(x => new { x.CaseId, x.Stage, x.Clock, x.Due, x.Kind }).IsUnique();
            r.HasIndex(x => new { x.OfficerId, x.CreatedAt });
        });

        modelBuilder.Entity<TimeEntryRecord>(t =>
        {
            t.ToTable("officer_time");
            t.HasKey(x => x.Id);
            t.Property(x => x.DirectorateId).HasMaxLength(100);
            t.Property(x => x.ServiceAreaId).HasMaxLength(100);
            t.Property(x => x.OfficerId).HasMaxLength(200);
            t.Property(x => x.ActivityCode).HasMaxLength(50);
            t.HasIndex(x => new { x.CaseId, x.WorkedOn });
            t.HasIndex(x => new { x.ServiceAreaId, x.WorkedOn });
        });

        modelBuilder.Entity<CaseAuditRecord>(a =>
        {
            a.ToTable("case_audit");
            a.HasKey(x => x.Id);
            a.Property(x => x.Id).UseIdentityAlwaysColumn();
            a.Property(x => x.OfficerId).HasMaxLength(200);
            a.Property(x => x.Role).HasMaxLength(50);
            a.Property(x => x.Action).HasMaxLength(100);
            a.HasIndex(x => new { x.CaseId, x.Id });
            a.HasIndex(x => new { x.OfficerId, x.Id });
        });

        modelBuilder.Entity<CorrespondenceRecord>(r =>
        {
            r.ToTable("correspondence_requests");
            r.HasKey(x => x.RequestId);
            r.Property(x => x.TemplateCode).HasMaxLength(100);
            r.Property(x => x.Texts).HasColumnType("jsonb");
            r.HasIndex(x => x.CaseId);
        });

        modelBuilder.Entity<PersonFlagsRecord>(p =>
        {
            p.ToTable("person_flags");
            p.HasKey(x => x.PersonId);
            p.Property(x => x.PersonId).HasMaxLength(100);
            // Replaced whole on every change, so reference comparison is enough for change tracking.
            p.Property(x => x.Restrictions).HasColumnType("jsonb")
                .HasConversion(
                    v => System.Text.Json.JsonSerializer.Serialize(v, (System.Text.Json.JsonSerializerOptions?)null),
                    v => System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(v, (System.Text.Json.JsonSerializerOptions?)null) ?? new());
        });

        modelBuilder.Entity<TriagedContactRecord>(t =>
        {
            t.ToTable("triaged_contacts");
            t.HasKey(x => x.ContactId);
            t.Property(x => x.ContactId).HasMaxLength(100);
            t.Property(x => x.Reference).HasMaxLength(100);
            t.Property(x => x.PersonId).HasMaxLength(100);
            t.Property(x => x.ServiceAreaId).HasMaxLength(100);
            t.Property(x => x.TriagedBy).HasMaxLength(200);
        });
    }
}
