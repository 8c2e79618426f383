using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Intake.Data;
using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.Retention;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Intake.Retention;

/// <summary>
/// Intake's records under the retention schedule: contacts (not taken forward, or behind a closed case)
/// with their triage notes and online requests, register entries, letters and emails, attachments and
/// the access log. A contact's letters and files never outlive it: removing the contact removes them.
/// Equality answers are not linked to anyone and stay.
/// </summary>
public sealed class IntakeRetention(TimeProvider clock) : RetentionSweep<IntakeDbContext>
{
    private const int Complaint = (int)TriageDecision.Complaint;

    public override string Service => "intake";

    public override IReadOnlyList<RetentionKind> Kinds { get; } =
    [
        RetentionKind.ContactNotTakenForward, RetentionKind.ClosedCase, RetentionKind.RegisterEntry,
        RetentionKind.Correspondence, RetentionKind.Attachment, RetentionKind.AccessLog,
    ];

    public override async Task<IReadOnlyList<RetentionCandidate>> DueAsync(IntakeDbContext db, RetentionKind kind, RetentionTarget target, CancellationToken ct)
    {
        var cutoff = target.DueOnOrBefore ?? DateOnly.MaxValue;
        var before = target.DueOnOrBefore is { } due ? due.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : Forever;
        var contacts = Closings(db);
        if (target.IsErasure)
        {
            var caseIds = target.CaseIds.ToList();
            var contactIds = Guids(target.ContactIds);
            var personId = PersonIdOf(target);
            contacts = contacts.Where(c => c.PersonId == personId || contactIds.Contains(c.Id) || (c.CaseId != null && caseIds.Contains(c.CaseId)));
        }
        else
        {
            // Closed: a complaint when its case closed, anything else when triage decided it.
            contacts = contacts.Where(c => (c.Decision == Complaint && c.CaseClosedOn != null && c.CaseClosedOn <= cutoff)
                || (c.Decision != Complaint && c.Decision != 0 && c.TriagedAt < before));
        }
        return kind switch
        {
            // An erasure takes a contact not yet triaged too; the schedule waits for the triage decision.
            RetentionKind.ContactNotTakenForward => Candidates(await contacts
                .Where(c => c.AnonymisedAt == null && (c.Decision != 0 || target.IsErasure) && c.Decision != Complaint).ToListAsync(ct)),
            RetentionKind.ClosedCase => Candidates(await contacts
                .Where(c => c.AnonymisedAt == null && c.Decision == Complaint && (target.IsErasure || c.CaseClosedOn != null)).ToListAsync(ct)),
            RetentionKind.Attachment => await AttachmentsAsync(db, contacts, ct),
            RetentionKind.Correspondence => await CorrespondenceAsync(db, contacts, target, before, ct),
            RetentionKind.RegisterEntry => await RegisterEntriesAsync(db, target, ct),
            RetentionKind.AccessLog => [.. await AccessLogAsync(db, contacts, target, before, ct), .. await ReadAuditAsync(db, target, ct)],
            _ => [],
        };
    }

    public override Task<IReadOnlyList<string>> RemoveAsync(IntakeDbContext db, RetentionKind kind, RetentionAction action, IReadOnlyList<string> ids, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return kind switch
        {
            RetentionKind.ContactNotTakenForward or RetentionKind.ClosedCase => IntakeRemoval.ContactsAsync(db, action, Guids(ids), now, ct),
            RetentionKind.Attachment => IntakeRemoval.AttachmentsAsync(db, action, Guids(ids), now, ct),
            RetentionKind.Correspondence => IntakeRemoval.CorrespondenceAsync(db, action, Guids(ids), now, ct),
            RetentionKind.RegisterEntry => IntakeRemoval.RegisterEntriesAsync(db, action, Guids(ids), now, ct),
            RetentionKind.AccessLog => RemoveAccessLogAsync(db, ids, ct),
            _ => Task.FromResult<IReadOnlyList<string>>([]),
        };
    }

    /// <summary>When each contact was closed: its case's closure for a complaint, its triage decision otherwise.</summary>
    private static IQueryable<ContactClosing> Closings(IntakeDbContext db) =>
        from c in db.Contacts
        join p in db.CaseProgress on c.Id equals p.ContactId into progress
        from p in progress.DefaultIfEmpty()
        select new ContactClosing
        {
            Id = c.Id,
            PersonId = c.PersonId,
            Decision = c.Decision,
            AnonymisedAt = c.AnonymisedAt,
            CaseId = p == null ? null : p.CaseId,
            CaseClosedOn = p == null ? null : p.ClosedOn,
            TriagedAt = c.TriagedAt,
        };

    private static async Task<IReadOnlyList<RetentionCandidate>> AttachmentsAsync(IntakeDbContext db, IQueryable<ContactClosing> contacts, CancellationToken ct) =>
        await (from a in db.Attachments
               join c in contacts on a.ContactId equals c.Id
               where a.AnonymisedAt == null
               select new RetentionCandidate(a.Id.ToString(), c.PersonId.ToString(), c.CaseId, c.Id.ToString())).ToListAsync(ct);

    private static async Task<IReadOnlyList<RetentionCandidate>> CorrespondenceAsync(IntakeDbContext db, IQueryable<ContactClosing> contacts,
        RetentionTarget target, DateTime before, CancellationToken ct)
    {
        var ofContacts = await (from m in db.Correspondence
                                join c in contacts on m.ContactId equals c.Id
                                where m.AnonymisedAt == null && m.Status != CorrespondenceStatus.Pending
                                select new RetentionCandidate(m.Id.ToString(), c.PersonId.ToString(), m.CaseId ?? c.CaseId, c.Id.ToString())).ToListAsync(ct);
        // Letters about a case or a person's register rather than a contact count from when they were sent.
        var caseIds = target.CaseIds.ToList();
        var unlinked = db.Correspondence.Where(m => m.ContactId == null && m.AnonymisedAt == null && m.Status != CorrespondenceStatus.Pending);
        var others = await (target.IsErasure ? unlinked.Where(m => m.CaseId != null && caseIds.Contains(m.CaseId)) : unlinked.Where(m => m.RequestedAt < before))
            .Select(m => new RetentionCandidate(m.Id.ToString(), null, m.CaseId, null)).ToListAsync(ct);
        if (target.IsErasure)
        {
            // The letters telling the person of a restriction.
            var personId = PersonIdOf(target);
            var letterIds = (await db.Restrictions.Where(r => r.PersonId == personId).Select(r => r.LetterIds).ToListAsync(ct)).SelectMany(l => l).ToList();
            others.AddRange(await db.Correspondence.Where(m => letterIds.Contains(m.Id) && m.AnonymisedAt == null && m.Status != CorrespondenceStatus.Pending)
                .Select(m => new RetentionCandidate(m.Id.ToString(), target.PersonId, m.CaseId, null)).ToListAsync(ct));
        }
        return [.. ofContacts, .. others.DistinctBy(o => o.Id).Where(o => ofContacts.All(c => c.Id != o.Id))];
    }

    private static async Task<IReadOnlyList<RetentionCandidate>> RegisterEntriesAsync(IntakeDbContext db, RetentionTarget target, CancellationToken ct)
    {
        var personId = PersonIdOf(target);
        var cutoff = target.DueOnOrBefore ?? DateOnly.MaxValue;
        var adjustments = db.Adjustments.Where(a => a.AnonymisedAt == null);
        var restrictions = db.Restrictions.Where(r => r.AnonymisedAt == null);
        adjustments = target.IsErasure ? adjustments.Where(a => a.PersonId == personId) : adjustments.Where(a => a.EndedOn != null && a.EndedOn <= cutoff);
        restrictions = target.IsErasure ? restrictions.Where(r => r.PersonId == personId) : restrictions.Where(r => r.EndedOn != null && r.EndedOn <= cutoff);
        return
        [
            .. await adjustments.Select(a => new RetentionCandidate(a.Id.ToString(), a.PersonId.ToString(), null, null)).ToListAsync(ct),
            .. await restrictions.Select(r => new RetentionCandidate(r.Id.ToString(), r.PersonId.ToString(), null, null)).ToListAsync(ct),
        ];
    }

    private static async Task<IReadOnlyList<RetentionCandidate>> AccessLogAsync(IntakeDbContext db, IQueryable<ContactClosing> contacts,
        RetentionTarget target, DateTime before, CancellationToken ct)
    {
        if (target.IsErasure)
        {
            return await (from a in db.AccessLog
                          join c in contacts on a.ContactId equals c.Id
                          select new RetentionCandidate(a.Id.ToString(), c.PersonId.ToString(), c.CaseId, c.Id.ToString())).ToListAsync(ct);
        }
        return await (from a in db.AccessLog
                      where a.At < before
                      join c in db.Contacts on a.ContactId equals c.Id into contact
                      from c in contact.DefaultIfEmpty()
                      select new RetentionCandidate(a.Id.ToString(), c == null ? null : c.PersonId.ToString(), null, a.ContactId.ToString())).ToListAsync(ct);
    }

    // The read audit (registers, searches, subject access packages) shares the kind; its ids carry a prefix.
    private const string ReadAuditPrefix = "r";

    private static async Task<IReadOnlyList<RetentionCandidate>> ReadAuditAsync(IntakeDbContext db, RetentionTarget target, CancellationToken ct)
    {
        var contactIds = target.ContactIds.ToList();
        var rows = await ReadAudit.DueAsync(db, target, contactIds, ct);
        return [.. rows.Select(r => r with { Id = ReadAuditPrefix + r.Id })];
    }

    private static async Task<IReadOnlyList<string>> RemoveAccessLogAsync(IntakeDbContext db, IReadOnlyList<string> ids, CancellationToken ct)
    {
        var audit = ids.Where(i => i.StartsWith(ReadAuditPrefix, StringComparison.Ordinal)).Select(i => i[ReadAuditPrefix.Length..]).ToList();
        var log = ids.Where(i => !i.StartsWith(ReadAuditPrefix, StringComparison.Ordinal)).Select(long.Parse).ToList();
        return
        [
            .. await IntakeRemoval.AccessLogAsync(db, log, ct),
            .. (await ReadAudit.EraseAsync(db, audit, ct)).Select(i => ReadAuditPrefix + i),
        ];
    }

    private static List<RetentionCandidate> Candidates(List<ContactClosing> contacts) =>
        contacts.ConvertAll(c => new RetentionCandidate(c.Id.ToString(), c.PersonId.ToString(), c.CaseId, c.Id.ToString()));

    private static readonly DateTime Forever = new(9999, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static List<Guid> Guids(IEnumerable<string> ids) => ids.Select(i => Guid.TryParse(i, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).ToList();

    private static Guid PersonIdOf(RetentionTarget target) => Guid.TryParse(target.PersonId, out var g) ? g : Guid.Empty;

    private sealed class ContactClosing
    {
        public Guid Id { get; init; }
        public Guid PersonId { get; init; }
        public int Decision { get; init; }
        public DateTime? AnonymisedAt { get; init; }
        public string? CaseId { get; init; }
        public DateOnly? CaseClosedOn { get; init; }
        public DateTime? TriagedAt { get; init; }
    }
}
