using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Reporting.Data;

/// <summary>
/// The fact rows one unit of work has looked up or added, by id, including those found absent, so
/// handlers applying a batch of events ask the database once per table (<c>Load…Async</c>, before the
/// batch) instead of once per event. Everything here is tracked by the context, whose save writes it.
/// </summary>
public sealed class FactCache(ReportingDbContext db, int lease)
{
    private readonly Dictionary<string, CaseFact?> _cases = [];
    private readonly Dictionary<string, ContactFact?> _contacts = [];
    private readonly Dictionary<string, ComplimentFact?> _compliments = [];
    private readonly Dictionary<string, RemedyFact?> _remedies = [];
    private readonly Dictionary<string, List<OmbudsmanReferral>> _waiting = [];
    private (bool Known, CouncilRow? Row) _council;

    internal int Lease { get; } = lease;

    /// <summary>The transaction that holds the Ombudsman referrals' lock (Events.OmbudsmanReferrals), if this unit of work took it.</summary>
    internal Guid? ReferralLockHeldIn { get; set; }

    public ValueTask<CaseFact?> CaseAsync(string id, CancellationToken ct) => FindAsync(db.Cases, _cases, id, ct);

    public ValueTask<ContactFact?> ContactAsync(string id, CancellationToken ct) => FindAsync(db.Contacts, _contacts, id, ct);

    public ValueTask<ComplimentFact?> ComplimentAsync(string id, CancellationToken ct) => FindAsync(db.Compliments, _compliments, id, ct);

    public ValueTask<RemedyFact?> RemedyAsync(string id, CancellationToken ct) => FindAsync(db.Set<RemedyFact>(), _remedies, id, ct);

    public void Add(CaseFact fact) => _cases[fact.CaseId] = db.Cases.Add(fact).Entity;

    public void Add(ContactFact fact) => _contacts[fact.ContactId] = db.Contacts.Add(fact).Entity;

    public void Add(ComplimentFact fact) => _compliments[fact.ComplimentId] = db.Compliments.Add(fact).Entity;

    public void Add(RemedyFact fact) => _remedies[fact.RemedyId] = db.Set<RemedyFact>().Add(fact).Entity;

    /// <summary>The council row, if CaseWorkflow has announced the council.</summary>
    public async ValueTask<CouncilRow?> CouncilAsync(CancellationToken ct)
    {
        if (!_council.Known)
        {
            _council = (true, await db.Council.FindAsync([1], ct));
        }
        return _council.Row;
    }

    public void Add(CouncilRow council) => _council = (true, db.Council.Add(council).Entity);

    /// <summary>Referrals to the Ombudsman that arrived before their case and are not yet counted.</summary>
    public async Task<List<OmbudsmanReferral>> WaitingReferralsAsync(string caseId, CancellationToken ct)
    {
        if (!_waiting.TryGetValue(caseId, out var waiting))
        {
            // The database compares Counted as saved: save what this unit of work changed first.
            await db.SaveChangesAsync(ct);
            _waiting[caseId] = waiting = await db.Set<OmbudsmanReferral>().Where(r => r.CaseId == caseId && !r.Counted).ToListAsync(ct);
        }
        return [.. waiting.Where(r => !r.Counted)];
    }

    public Task LoadCasesAsync(IEnumerable<string> ids, CancellationToken ct) =>
        LoadAsync(db.Cases, _cases, ids, (set, missing) => set.Where(f => missing.Contains(f.CaseId)), f => f.CaseId, ct);

    public Task LoadContactsAsync(IEnumerable<string> ids, CancellationToken ct) =>
        LoadAsync(db.Contacts, _contacts, ids, (set, missing) => set.Where(f => missing.Contains(f.ContactId)), f => f.ContactId, ct);

    public Task LoadComplimentsAsync(IEnumerable<string> ids, CancellationToken ct) =>
        LoadAsync(db.Compliments, _compliments, ids, (set, missing) => set.Where(f => missing.Contains(f.ComplimentId)), f => f.ComplimentId, ct);

    public Task LoadRemediesAsync(IEnumerable<string> ids, CancellationToken ct) =>
        LoadAsync(db.Set<RemedyFact>(), _remedies, ids, (set, missing) => set.Where(f => missing.Contains(f.RemedyId)), f => f.RemedyId, ct);

    /// <summary>The waiting referrals of cases about to be opened, in one query.</summary>
    public async Task LoadWaitingReferralsAsync(IEnumerable<string> caseIds, CancellationToken ct)
    {
        var missing = caseIds.Where(id => !_waiting.ContainsKey(id)).Distinct().ToList();
        if (missing.Count == 0)
        {
            return;
        }
        var found = await db.Set<OmbudsmanReferral>().Where(r => missing.Contains(r.CaseId) && !r.Counted).ToListAsync(ct);
        foreach (var id in missing)
        {
            _waiting[id] = [];
        }
        foreach (var referral in found)
        {
            _waiting[referral.CaseId].Add(referral);
        }
    }

    private static async ValueTask<T?> FindAsync<T>(DbSet<T> set, Dictionary<string, T?> known, string id, CancellationToken ct)
        where T : class
    {
        if (!known.TryGetValue(id, out var fact))
        {
            known[id] = fact = await set.FindAsync([id], ct);
        }
        return fact;
    }

    private static async Task LoadAsync<T>(DbSet<T> set, Dictionary<string, T?> known, IEnumerable<string> ids,
        Func<DbSet<T>, List<string>, IQueryable<T>> query, Func<T, string> idOf, CancellationToken ct)
        where T : class
    {
        var missing = ids.Where(id => !string.IsNullOrEmpty(id) && !known.ContainsKey(id)).Distinct().ToList();
        if (missing.Count == 0)
        {
            return;
        }
        var found = await query(set, missing).ToListAsync(ct);
        foreach (var id in missing)
        {
            known[id] = null;
        }
        foreach (var fact in found)
        {
            known[idOf(fact)] = fact;
        }
    }
}
