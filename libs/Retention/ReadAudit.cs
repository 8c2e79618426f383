using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Hosting.Identity;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Retention;

/// <summary>
/// One read (or refused read) of personal data: who, when, which record, and the person or case it
/// belongs to where the service knows them. Ids only: the row itself names nobody.
/// </summary>
public sealed class ReadAuditRecord
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string OfficerId { get; set; } = "";
    public string Role { get; set; } = "";
    public string Action { get; set; } = "";
    public string RecordKind { get; set; } = "";
    public string RecordId { get; set; } = "";
    public string? PersonId { get; set; }
    public string? CaseId { get; set; }
    public bool Allowed { get; set; }
}

/// <summary>
/// The read audit a service keeps in its own schema (table read_audit), how rows are written, queried
/// for Intake's access-log question, and removed under the access log's retention kind.
/// </summary>
public static class ReadAudit
{
    public static ModelBuilder AddReadAudit(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ReadAuditRecord>(e =>
        {
            e.ToTable("read_audit");
            e.Property(a => a.Id).UseIdentityAlwaysColumn();
            e.Property(a => a.OfficerId).HasMaxLength(200);
            e.Property(a => a.Role).HasMaxLength(60);
            e.Property(a => a.Action).HasMaxLength(100);
            e.Property(a => a.RecordKind).HasMaxLength(60);
            e.Property(a => a.RecordId).HasMaxLength(100);
            e.Property(a => a.PersonId).HasMaxLength(100);
            e.Property(a => a.CaseId).HasMaxLength(100);
            e.HasIndex(a => a.At);
            e.HasIndex(a => a.OfficerId);
            e.HasIndex(a => a.PersonId);
            e.HasIndex(a => a.CaseId);
            e.HasIndex(a => a.RecordId);
        });
        return modelBuilder;
    }

    /// <summary>The role the caller read with: the first of theirs that the service lets in.</summary>
    public static string RoleOf(Caller caller) => caller.ServiceName is { } service
        ? Claims.ServicePrefix + service
        : caller.Roles.Order(StringComparer.Ordinal).FirstOrDefault() ?? "";

    public static void Add(DbContext db, Caller caller, DateTimeOffset at, string action, string kind, string recordId,
        string? personId = null, string? caseId = null, bool allowed = true, string? officerId = null) =>
        db.Set<ReadAuditRecord>().Add(new ReadAuditRecord
        {
            At = at,
            OfficerId = officerId ?? caller.Subject,
            Role = RoleOf(caller),
            Action = action,
            RecordKind = kind,
            RecordId = recordId,
            PersonId = string.IsNullOrEmpty(personId) ? null : personId,
            CaseId = string.IsNullOrEmpty(caseId) ? null : caseId,
            Allowed = allowed,
        });

    /// <summary>Writes a refusal at once, in its own save, so it stays when PERMISSION_DENIED is returned.</summary>
    public static async Task RefusedAsync(DbContext db, Caller caller, DateTimeOffset at, string action, string kind, string recordId,
        string? personId, string? caseId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        Add(db, caller, at, action, kind, recordId, personId, caseId, allowed: false);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Rows matching every condition of the query; by person: rows about the person, their cases or the given record ids.</summary>
    public static async Task<AccessEntries> QueryAsync(DbContext db, string service, AccessQuery query, IReadOnlyCollection<string> recordIds, CancellationToken ct)
    {
        var rows = db.Set<ReadAuditRecord>().AsNoTracking();
        if (query.Person is { } person)
        {
            var persons = person.PersonIds.ToList();
            var cases = person.CaseIds.ToList();
            var records = recordIds.Concat(person.ContactIds).ToList();
            rows = rows.Where(a => (a.PersonId != null && persons.Contains(a.PersonId)) || (a.CaseId != null && cases.Contains(a.CaseId))
                || records.Contains(a.RecordId));
        }
        if (query.OfficerId.Length > 0)
        {
            rows = rows.Where(a => a.OfficerId == query.OfficerId);
        }
        if (query.From is { } from)
        {
            var f = from.ToDateTimeOffset();
            rows = rows.Where(a => a.At >= f);
        }
        if (query.To is { } to)
        {
            var t = to.ToDateTimeOffset();
            rows = rows.Where(a => a.At < t);
        }
        var limit = query.Limit is > 0 and <= 5000 ? query.Limit : 1000;
        var found = await rows.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(limit).ToListAsync(ct);
        var entries = new AccessEntries();
        entries.Entries.AddRange(found.Select(a => new AccessEntry
        {
            At = Timestamp.FromDateTimeOffset(a.At),
            Service = service,
            OfficerId = a.OfficerId,
            Role = a.Role,
            Action = a.Action,
            RecordKind = a.RecordKind,
            RecordId = a.RecordId,
            PersonId = a.PersonId ?? "",
            Allowed = a.Allowed,
        }));
        return entries;
    }

    /// <summary>The access-log kind's candidates: rows written before the cut-off, or every row about an erased person or case.</summary>
    public static async Task<IReadOnlyList<RetentionCandidate>> DueAsync(DbContext db, RetentionTarget target, IReadOnlyCollection<string> erasedRecordIds, CancellationToken ct)
    {
        var rows = db.Set<ReadAuditRecord>().AsNoTracking();
        if (target.DueOnOrBefore is { } due)
        {
            var before = new DateTimeOffset(due.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            rows = rows.Where(a => a.At < before);
        }
        else
        {
            var person = target.PersonId;
            var cases = target.CaseIds.ToList();
            var records = erasedRecordIds.Concat(target.ContactIds).ToList();
            rows = rows.Where(a => (person != null && a.PersonId == person) || (a.CaseId != null && cases.Contains(a.CaseId)) || records.Contains(a.RecordId));
        }
        return await rows.Select(a => new RetentionCandidate(a.Id.ToString(), a.PersonId, a.CaseId, null)).ToListAsync(ct);
    }

    public static async Task<IReadOnlyList<string>> EraseAsync(DbContext db, IReadOnlyList<string> ids, CancellationToken ct)
    {
        var longs = ids.Select(long.Parse).ToList();
        var found = await db.Set<ReadAuditRecord>().Where(a => longs.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct);
        await db.Set<ReadAuditRecord>().Where(a => found.Contains(a.Id)).ExecuteDeleteAsync(ct);
        return found.ConvertAll(i => i.ToString());
    }
}

/// <summary>The kinds of record the read audit names, the same in every service.</summary>
public static class AuditKinds
{
    public const string Contact = "contact";
    public const string Attachment = "attachment";
    public const string Case = "case";
    public const string Enquiry = "ombudsman_enquiry";
    public const string Compliment = "compliment";
    public const string Adjustment = "adjustment";
    public const string Restriction = "restriction";
    public const string Correspondence = "correspondence";
    public const string SubjectAccessPackage = "subject_access_package";
    public const string PersonSearch = "person_search";
}
