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
            c.Property(x => x.Id).HasColumnName("id");
            c.Property(x => x.Reference).HasColumnName("reference").HasMaxLength(100);
            c.Property(x => x.ContactId).HasColumnName("contact_id").HasMaxLength(100);
            c.Property(x => x.Stream).HasColumnName("stream");
            c.Property(x => x.Status).HasColumnName("status");
            c.Property(x => x.CurrentStage).HasColumnName("current_stage");
            c.Property(x => x.DirectorateId).HasColumnName("directorate_id").HasMaxLength(100);
            c.Property(x => x.ServiceAreaId).HasColumnName("service_area_id").HasMaxLength(100);
            c.Property(x => x.TeamId).HasColumnName("team_id").HasMaxLength(100);
            c.Property(x => x.HandlerId).HasColumnName("handler_id").HasMaxLength(200);
            c.Property(x => x.ReceivedOn).HasColumnName("received_on");
            c.Property(x => x.NextDeadline).HasColumnName("next_deadline");
            c.Property(x => x.HasOpenDeadlines).HasColumnName("has_open_deadlines");
            c.Property(x => x.OutstandingRemedies).HasColumnName("outstanding_remedies");
            c.Property(x => x.SafeguardingConcern).HasColumnName("safeguarding_concern");
            c.Property(x => x.BehindOmbudsmanMatter).HasColumnName("behind_ombudsman_matter");
            c.Property(x => x.NextReminderOn).HasColumnName("next_reminder_on");
            c.Property(x => x.Document).HasColumnName("document").HasColumnType("jsonb");
            c.Property(x => x.Revision).HasColumnName("revision").IsConcurrencyToken();
            c.HasIndex(x => x.Reference).IsUnique();
            // A contact opens at most one case, however often its triage event is delivered.
            c.HasIndex(x => x.ContactId).IsUnique().HasFilter("contact_id IS NOT NULL");
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
            r.Property(x => x.Id).HasColumnName("id");
            r.Property(x => x.CaseId).HasColumnName("case_id");
            r.Property(x => x.Reference).HasColumnName("reference").HasMaxLength(100);
            r.Property(x => x.Stage).HasColumnName("stage");
            r.Property(x => x.Clock).HasColumnName("clock");
            r.Property(x => x.Due).HasColumnName("due");
            r.Property(x => x.Kind).HasColumnName("kind");
            r.Property(x => x.OfficerId).HasColumnName("officer_id").HasMaxLength(200);
            r.Property(x => x.CreatedAt).HasColumnName("created_at");
            // Exactly once: one reminder of each kind per deadline (case, stage, clock, due date), whatever the replicas do.
            r.HasIndex(x => new { x.CaseId, x.Stage, x.Clock, x.Due, x.Kind }).IsUnique();
            r.HasIndex(x => new { x.OfficerId, x.CreatedAt });
        });

        modelBuilder.Entity<TimeEntryRecord>(t =>
        {
            t.ToTable("officer_time");
            t.HasKey(x => x.Id);
            t.Property(x => x.Id).HasColumnName("id");
            t.Property(x => x.CaseId).HasColumnName("case_id");
            t.Property(x => x.Stage).HasColumnName("stage");
            t.Property(x => x.DirectorateId).HasColumnName("directorate_id").HasMaxLength(100);
            t.Property(x => x.ServiceAreaId).HasColumnName("service_area_id").HasMaxLength(100);
            t.Property(x => x.OfficerId).HasColumnName("officer_id").HasMaxLength(200);
            t.Property(x => x.Minutes).HasColumnName("minutes");
            t.Property(x => x.ActivityCode).HasColumnName("activity_code").HasMaxLength(50);
            t.Property(x => x.WorkedOn).HasColumnName("worked_on");
            t.Property(x => x.RecordedAt).HasColumnName("recorded_at");
            t.HasIndex(x => new { x.CaseId, x.WorkedOn });
            t.HasIndex(x => new { x.ServiceAreaId, x.WorkedOn });
        });

        modelBuilder.Entity<CaseAuditRecord>(a =>
        {
            a.ToTable("case_audit");
            a.HasKey(x => x.Id);
            a.Property(x => x.Id).HasColumnName("id").UseIdentityAlwaysColumn();
            a.Property(x => x.CaseId).HasColumnName("case_id");
            a.Property(x => x.At).HasColumnName("at");
            a.Property(x => x.OfficerId).HasColumnName("officer_id").HasMaxLength(200);
            a.Property(x => x.Role).HasColumnName("role").HasMaxLength(50);
            a.Property(x => x.Action).HasColumnName("action").HasMaxLength(100);
            a.Property(x => x.Allowed).HasColumnName("allowed");
            a.HasIndex(x => new { x.CaseId, x.Id });
            a.HasIndex(x => new { x.OfficerId, x.Id });
        });

        modelBuilder.Entity<CorrespondenceRecord>(r =>
        {
            r.ToTable("correspondence_requests");
            r.HasKey(x => x.RequestId);
            r.Property(x => x.RequestId).HasColumnName("request_id");
            r.Property(x => x.CaseId).HasColumnName("case_id");
            r.Property(x => x.TemplateCode).HasColumnName("template_code").HasMaxLength(100);
            r.Property(x => x.Texts).HasColumnName("texts").HasColumnType("jsonb");
            r.Property(x => x.RecordedAt).HasColumnName("recorded_at");
        });

        modelBuilder.Entity<PersonFlagsRecord>(p =>
        {
            p.ToTable("person_flags");
            p.HasKey(x => x.PersonId);
            p.Property(x => x.PersonId).HasColumnName("person_id").HasMaxLength(100);
            p.Property(x => x.AdjustmentCodes).HasColumnName("adjustment_codes");
            // Replaced whole on every change, so reference comparison is enough for change tracking.
            p.Property(x => x.Restrictions).HasColumnName("restrictions").HasColumnType("jsonb")
                .HasConversion(
                    v => System.Text.Json.JsonSerializer.Serialize(v, (System.Text.Json.JsonSerializerOptions?)null),
                    v => System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(v, (System.Text.Json.JsonSerializerOptions?)null) ?? new());
            p.Property(x => x.UpdatedAt).HasColumnName("updated_at");
        });

        modelBuilder.Entity<TriagedContactRecord>(t =>
        {
            t.ToTable("triaged_contacts");
            t.HasKey(x => x.ContactId);
            t.Property(x => x.ContactId).HasColumnName("contact_id").HasMaxLength(100);
            t.Property(x => x.Reference).HasColumnName("reference").HasMaxLength(100);
            t.Property(x => x.PersonId).HasColumnName("person_id").HasMaxLength(100);
            t.Property(x => x.Decision).HasColumnName("decision");
            t.Property(x => x.Stream).HasColumnName("stream");
            t.Property(x => x.ServiceAreaId).HasColumnName("service_area_id").HasMaxLength(100);
            t.Property(x => x.ReceivedAt).HasColumnName("received_at");
            t.Property(x => x.TriagedBy).HasColumnName("triaged_by").HasMaxLength(200);
        });
    }
}
