using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Intake.Data;
using ComplaintsPlatform.Retention;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Intake.SubjectAccess;

/// <summary>
/// The read audit of every service answered as one list: Intake's access log and read audit, and each
/// other service's over its internal PersonData service, newest first.
/// </summary>
public sealed class AccessLogQuery(
    IntakeDbContext db,
    CaseWorkflow.V1.PersonData.PersonDataClient cases,
    Ombudsman.V1.PersonData.PersonDataClient ombudsman,
    Compliments.V1.PersonData.PersonDataClient compliments)
{
    public const string Service = "intake";

    /// <summary>The person's contacts and cases as Intake knows them.</summary>
    public async Task<PersonKeys> KeysAsync(IReadOnlyCollection<Guid> personIds, CancellationToken ct)
    {
        var contactIds = await db.Contacts.AsNoTracking().Where(c => personIds.Contains(c.PersonId)).Select(c => c.Id).ToListAsync(ct);
        var caseIds = await db.CaseProgress.AsNoTracking().Where(p => contactIds.Contains(p.ContactId)).Select(p => p.CaseId).ToListAsync(ct);
        var keys = new PersonKeys();
        keys.PersonIds.AddRange(personIds.Select(p => p.ToString()));
        keys.ContactIds.AddRange(contactIds.Select(c => c.ToString()));
        keys.CaseIds.AddRange(caseIds.Distinct());
        return keys;
    }

    public async Task<List<AccessEntry>> QueryAsync(AccessQuery query, CancellationToken ct)
    {
        var others = new[]
        {
            cases.QueryAccessAsync(query, cancellationToken: ct).ResponseAsync,
            ombudsman.QueryAccessAsync(query, cancellationToken: ct).ResponseAsync,
            compliments.QueryAccessAsync(query, cancellationToken: ct).ResponseAsync,
        };
        var entries = new List<AccessEntry>();
        entries.AddRange(await ContactLogAsync(query, ct));
        var contactIds = query.Person?.ContactIds.ToList() ?? [];
        entries.AddRange((await ReadAudit.QueryAsync(db, Service, query, contactIds, ct)).Entries);
        foreach (var reply in await Task.WhenAll(others))
        {
            entries.AddRange(reply.Entries);
        }
        return [.. entries.OrderByDescending(e => e.At.ToDateTimeOffset()).ThenBy(e => e.Service, StringComparer.Ordinal)];
    }

    /// <summary>Intake's older access log: reads of contacts and their attachments.</summary>
    private async Task<IEnumerable<AccessEntry>> ContactLogAsync(AccessQuery query, CancellationToken ct)
    {
        var rows = db.AccessLog.AsNoTracking();
        if (query.Person is { } person)
        {
            var contactIds = Held.Guids(person.ContactIds);
            rows = rows.Where(a => contactIds.Contains(a.ContactId));
        }
        if (query.OfficerId.Length > 0)
        {
            rows = rows.Where(a => a.Subject == query.OfficerId);
        }
        if (query.From is { } from)
        {
            var f = from.ToDateTime();
            rows = rows.Where(a => a.At >= f);
        }
        if (query.To is { } to)
        {
            var t = to.ToDateTime();
            rows = rows.Where(a => a.At < t);
        }
        var limit = query.Limit is > 0 and <= 5000 ? query.Limit : 1000;
        var found = await (from a in rows
                           join c in db.Contacts on a.ContactId equals c.Id into contact
                           from c in contact.DefaultIfEmpty()
                           orderby a.At descending, a.Id descending
                           select new { a, PersonId = c == null ? (Guid?)null : c.PersonId }).Take(limit).ToListAsync(ct);
        return found.Select(x => new AccessEntry
        {
            At = Timestamp.FromDateTime(DateTime.SpecifyKind(x.a.At, DateTimeKind.Utc)),
            Service = Service,
            OfficerId = x.a.Subject,
            Action = x.a.Action,
            RecordKind = AuditKinds.Contact,
            RecordId = x.a.ContactId == Guid.Empty ? "" : x.a.ContactId.ToString(),
            PersonId = x.PersonId?.ToString() ?? "",
            Allowed = true,
        });
    }
}
