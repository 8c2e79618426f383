using ComplaintsPlatform.Hosting;
using ComplaintsPlatform.Import;
using ComplaintsPlatform.Messaging;
using ComplaintsPlatform.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ComplaintsPlatform.Intake.Data;

public sealed class IntakeDbContext(DbContextOptions<IntakeDbContext> options) : DbContext(options)
{
    public const string ReferenceSequence = "contact_reference_seq";

    public DbSet<Person> Persons => Set<Person>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<EqualityAnswers> EqualityAnswers => Set<EqualityAnswers>();
    public DbSet<TriageEntry> TriageEntries => Set<TriageEntry>();
    public DbSet<DuplicateFlag> DuplicateFlags => Set<DuplicateFlag>();
    public DbSet<AccessRecord> AccessLog => Set<AccessRecord>();
    public DbSet<CorrespondenceMessage> Correspondence => Set<CorrespondenceMessage>();
    public DbSet<AcknowledgeLimit> AcknowledgeLimits => Set<AcknowledgeLimit>();
    public DbSet<ConfiguredListItem> ConfiguredLists => Set<ConfiguredListItem>();
    public DbSet<ServiceAreaEntry> ServiceAreas => Set<ServiceAreaEntry>();
    public DbSet<TeamEntry> Teams => Set<TeamEntry>();
    public DbSet<ConfigurationState> ConfigurationState => Set<ConfigurationState>();
    public DbSet<CaseProgress> CaseProgress => Set<CaseProgress>();
    public DbSet<PersonAdjustment> Adjustments => Set<PersonAdjustment>();
    public DbSet<PersonRestriction> Restrictions => Set<PersonRestriction>();
    public DbSet<RegisterReviewEntry> RegisterReviews => Set<RegisterReviewEntry>();
    public DbSet<RestrictionScreening> RestrictionScreenings => Set<RestrictionScreening>();
    public DbSet<PublicRequest> PublicRequests => Set<PublicRequest>();
    public DbSet<SubjectAccessRecord> SubjectAccessRequests => Set<SubjectAccessRecord>();
    public DbSet<ReadAuditRecord> ReadAudit => Set<ReadAuditRecord>();
    public DbSet<ImportJobRecord> ImportJobs => Set<ImportJobRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Extensions.Schema);
        modelBuilder.AddOutbox();
        modelBuilder.AddInbox();
        modelBuilder.AddRetention();
        modelBuilder.AddReadAudit();
        modelBuilder.AddImportJobs();
        SubjectAccessModel.Configure(modelBuilder);
        modelBuilder.HasSequence<long>(ReferenceSequence).StartsAt(1);

        modelBuilder.Entity<Person>(e =>
        {
            e.ToTable("persons");
            e.HasIndex(p => p.MatchKey).IsUnique();
        });
        modelBuilder.Entity<Contact>(e =>
        {
            e.ToTable("contacts");
            e.HasIndex(c => c.Reference).IsUnique();
            // The guarantee behind idempotent Submit: Redis is only the fast path.
            e.HasIndex(c => c.ClientRequestId).IsUnique().HasDatabaseName("ix_contacts_client_request_id");
            e.HasIndex(c => new { c.PersonId, c.ReceivedAt });
            // The triage queue: untriaged contacts, oldest first.
            e.HasIndex(c => c.ReceivedAt).HasFilter("decision = 0").HasDatabaseName("ix_contacts_untriaged");
            e.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId);
            e.HasMany(c => c.Attachments).WithOne().HasForeignKey(a => a.ContactId);
            e.HasMany(c => c.TriageEntries).WithOne().HasForeignKey(t => t.ContactId);
            e.HasMany(c => c.DuplicateFlags).WithOne().HasForeignKey(d => d.ContactId);
            e.Ignore(c => c.HasRepresentative);
            e.Ignore(c => c.Imported);
            // The guarantee behind an idempotent import: one contact per source id.
            e.HasIndex(c => c.ImportSourceId).IsUnique().HasFilter("import_source_id IS NOT NULL");
            e.Property(c => c.ImportSourceId).HasMaxLength(80);
            e.Property(c => c.ImportSourceFile).HasMaxLength(200);
            e.Property(c => c.Reference).HasMaxLength(20);
            e.Property(c => c.ClientRequestId).HasMaxLength(100);
        });
        modelBuilder.Entity<Attachment>(e => e.ToTable("attachments"));
        modelBuilder.Entity<EqualityAnswers>(e => e.ToTable("equality_answers"));
        modelBuilder.Entity<TriageEntry>(e => e.ToTable("triage_entries"));
        modelBuilder.Entity<DuplicateFlag>(e =>
        {
            e.ToTable("duplicate_flags");
            e.HasIndex(d => new { d.ContactId, d.OtherContactId }).IsUnique();
        });
        modelBuilder.Entity<AccessRecord>(e =>
        {
            e.ToTable("access_log");
            e.Property(a => a.Id).UseIdentityAlwaysColumn();
            e.HasIndex(a => a.ContactId);
        });
        modelBuilder.Entity<CorrespondenceMessage>(e =>
        {
            e.ToTable("correspondence");
            e.HasIndex(c => c.RequestId).IsUnique();
            e.HasIndex(c => c.ContactId);
            e.HasIndex(c => c.NextAttemptAt).HasFilter("status = 'PENDING'").HasDatabaseName("ix_correspondence_pending");
            e.Property(c => c.FactsJson).HasColumnType("jsonb");
        });
        modelBuilder.Entity<AcknowledgeLimit>(e =>
        {
            e.ToTable("acknowledge_limits");
            e.HasKey(a => a.Stream);
            e.Property(a => a.Stream).ValueGeneratedNever();
        });
        modelBuilder.Entity<ConfiguredListItem>(e =>
        {
            e.ToTable("configured_lists");
            e.HasKey(i => new { i.ListName, i.Code });
        });
        modelBuilder.Entity<ServiceAreaEntry>(e => e.ToTable("service_areas"));
        modelBuilder.Entity<TeamEntry>(e => e.ToTable("teams"));
        modelBuilder.Entity<ConfigurationState>(e =>
        {
            e.ToTable("configuration_state");
            e.Property(c => c.Id).ValueGeneratedNever();
        });
        RegisterRecordsModel.Configure(modelBuilder);
        PublicRequestsModel.Configure(modelBuilder);

        modelBuilder.Entity<CaseProgress>(e =>
        {
            e.ToTable("case_progress");
            e.HasKey(p => p.ContactId);
        });

        IdsMadeInCode(modelBuilder);
        modelBuilder.UseFlatArrayComparers();
    }

    // Ids are made in code (UUIDv7), so a new child added to a loaded contact is an insert.
    private static void IdsMadeInCode(ModelBuilder modelBuilder)
    {
        foreach (var property in modelBuilder.Model.GetEntityTypes()
                     .Where(t => t.ClrType.Namespace == typeof(Contact).Namespace)
                     .SelectMany(t => t.GetProperties())
                     .Where(p => p.ClrType == typeof(Guid) && p.IsPrimaryKey()))
        {
            property.ValueGenerated = ValueGenerated.Never;
        }
    }
}
