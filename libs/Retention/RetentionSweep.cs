using ComplaintsPlatform.Common.V1;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Retention;

/// <summary>A record that may be due, with what links it to a person or case (for legal holds).</summary>
public sealed record RetentionCandidate(string Id, string? PersonId = null, string? CaseId = null, string? ContactId = null);

/// <summary>
/// What a sweep looks for: records whose retention event fell on or before <see cref="DueOnOrBefore"/>
/// (the schedule), or everything linked to an approved erasure request.
/// </summary>
public sealed record RetentionTarget(DateOnly? DueOnOrBefore, string? PersonId, IReadOnlySet<string> CaseIds, IReadOnlySet<string> ContactIds)
{
    public static RetentionTarget Schedule(DateOnly dueOnOrBefore) => new(dueOnOrBefore, null, new HashSet<string>(), new HashSet<string>());

    public static RetentionTarget Erasure(string? personId, IEnumerable<string> caseIds, IEnumerable<string> contactIds) =>
        new(null, string.IsNullOrEmpty(personId) ? null : personId, caseIds.ToHashSet(), contactIds.ToHashSet());

    public bool IsErasure => DueOnOrBefore is null;

    /// <summary>For an erasure: whether a record linked to this person, case or contact is named by it.</summary>
    public bool Names(string? personId, string? caseId, string? contactId) =>
        (PersonId is not null && personId == PersonId)
        || (caseId is not null && CaseIds.Contains(caseId))
        || (contactId is not null && ContactIds.Contains(contactId));
}

/// <summary>
/// A service's own part of retention: which of its records are due, and how each kind is erased or
/// anonymised in its schema. The runner does the rest (holds, batches, run records, the feed).
/// </summary>
public abstract class RetentionSweep<TContext> where TContext : DbContext
{
    /// <summary>The service's name in run records and events (intake, caseworkflow, ...).</summary>
    public abstract string Service { get; }

    /// <summary>The kinds of record this service holds, in the order a run takes them.</summary>
    public abstract IReadOnlyList<RetentionKind> Kinds { get; }

    /// <summary>The records of <paramref name="kind"/> the target names that are still to be removed.</summary>
    public abstract Task<IReadOnlyList<RetentionCandidate>> DueAsync(TContext db, RetentionKind kind, RetentionTarget target, CancellationToken ct);

    /// <summary>
    /// Erases or anonymises the records with these ids in the caller's transaction; returns the ids it
    /// changed (a record already removed by an earlier or concurrent run is not counted again).
    /// </summary>
    public abstract Task<IReadOnlyList<string>> RemoveAsync(TContext db, RetentionKind kind, RetentionAction action, IReadOnlyList<string> ids, CancellationToken ct);

    /// <summary>The schedule in force: by default the one CaseWorkflow last announced on its feed.</summary>
    public virtual async Task<(RetentionSchedule Schedule, int Version)> ScheduleAsync(TContext db, CancellationToken ct)
    {
        var rows = await db.Set<RetentionRuleRecord>().AsNoTracking().ToListAsync(ct);
        var rules = rows.Select(r => new RetentionRule
        {
            Kind = (RetentionKind)r.Kind, After = (RetentionTrigger)r.After, Months = r.Months, Action = (RetentionAction)r.Action,
        });
        return (RetentionSchedule.From(rules), rows.Count == 0 ? 0 : rows.Max(r => r.ConfigurationVersion));
    }

    /// <summary>The legal holds in force: by default the ones CaseWorkflow announced on its feed.</summary>
    public virtual async Task<LegalHolds> HoldsAsync(TContext db, CancellationToken ct) =>
        new(await db.Set<HeldRecord>().AsNoTracking().ToListAsync(ct));
}

/// <summary>The legal holds in force, as sets of ids: a record linked to any of them stays.</summary>
public sealed class LegalHolds(IEnumerable<HeldRecord> holds)
{
    private readonly HashSet<string> _persons = holds.Where(h => !string.IsNullOrEmpty(h.PersonId)).Select(h => h.PersonId!).ToHashSet();
    private readonly HashSet<string> _cases = holds.SelectMany(h => h.CaseIds).ToHashSet();
    private readonly HashSet<string> _contacts = holds.SelectMany(h => h.ContactIds).ToHashSet();

    public bool Covers(RetentionCandidate record) =>
        (record.PersonId is not null && _persons.Contains(record.PersonId))
        || (record.CaseId is not null && _cases.Contains(record.CaseId))
        || (record.ContactId is not null && _contacts.Contains(record.ContactId));
}
