using ComplaintsPlatform.Intake.Data;
using ComplaintsPlatform.Intake.V1;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Intake.Import;

/// <summary>
/// Finds the person behind a historic contact: the same email or phone AND the same name is the same
/// person. The same email or phone under another name is never merged: a new person is made and the
/// contact flagged as a possible duplicate of the other person's latest contact, for the team to judge.
/// Remembers the people it has seen, so rows later in the file meet those earlier in it.
/// </summary>
public sealed class PersonMatcher
{
    // Everyone seen under each email or phone key; the first holds the key in the database.
    private readonly Dictionary<string, List<KnownPerson>> _byKey = new(StringComparer.Ordinal);

    public sealed record Match(Guid PersonId, bool IsNew, string? NewMatchKey, Guid? PossibleDuplicateOf, string? Warning, string WarningColumn);

    /// <summary>Loads the people already in the database under the keys of these rows.</summary>
    public async Task LoadAsync(IntakeDbContext db, IEnumerable<ContactRow> rows, CancellationToken ct)
    {
        var keys = rows.SelectMany(r => KeysOf(r.Request.Contact)).Select(k => k.Key).Where(k => !_byKey.ContainsKey(k)).Distinct().ToList();
        if (keys.Count == 0)
        {
            return;
        }
        var people = await db.Persons.AsNoTracking().Where(p => keys.Contains(p.MatchKey!))
            .Select(p => new
            {
                p.Id,
                p.MatchKey,
                Names = db.Contacts.Where(c => c.PersonId == p.Id).Select(c => c.Name).Distinct().ToList(),
                Latest = db.Contacts.Where(c => c.PersonId == p.Id).OrderByDescending(c => c.ReceivedAt).Select(c => (Guid?)c.Id).FirstOrDefault(),
            })
            .ToListAsync(ct);
        foreach (var p in people)
        {
            _byKey[p.MatchKey!] = [new KnownPerson(p.Id, [.. p.Names.Select(Normalise)], p.Latest)];
        }
    }

    public Match Resolve(ContactRow row, Guid contactId)
    {
        var name = Normalise(row.Request.Name);
        var keys = KeysOf(row.Request.Contact).ToList();
        var candidates = keys.SelectMany(k => _byKey.GetValueOrDefault(k.Key) ?? []).Distinct().ToList();
        if (candidates.FirstOrDefault(p => p.Names.Contains(name)) is { } same)
        {
            same.Latest = contactId;
            return new Match(same.Id, false, null, null, null, "");
        }
        // A key already held by someone else stays theirs: the new person takes a free key, or none,
        // but is remembered under every key so later rows with the same name find them.
        var freeKey = keys.Select(k => k.Key).FirstOrDefault(k => !_byKey.ContainsKey(k));
        var person = new KnownPerson(Guid.CreateVersion7(), [name], contactId);
        foreach (var (key, _) in keys)
        {
            if (!_byKey.TryGetValue(key, out var seen))
            {
                _byKey[key] = seen = [];
            }
            seen.Add(person);
        }
        if (candidates.Count == 0)
        {
            return new Match(person.Id, true, freeKey, null, null, "");
        }
        var byEmail = keys.First(k => _byKey[k.Key].Any(candidates.Contains)).Email;
        return new Match(person.Id, true, freeKey, candidates[0].Latest,
            $"the same {(byEmail ? "email" : "phone")} as a person already known under another name: imported as a new person and flagged as a possible duplicate",
            byEmail ? ContactColumns.Email : ContactColumns.Phone);
    }

    // Email first, as a live submission is matched; then phone.
    private static IEnumerable<(string Key, bool Email)> KeysOf(ContactDetails c)
    {
        if (Persons.MatchKey(new ContactDetails { Email = c.Email }) is { } email)
        {
            yield return (email, true);
        }
        if (c.Phone.Length > 0 && Persons.MatchKey(new ContactDetails { Phone = c.Phone }) is { } phone)
        {
            yield return (phone, false);
        }
    }

    private static string Normalise(string name) =>
        string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToLowerInvariant();

    private sealed class KnownPerson(Guid id, HashSet<string> names, Guid? latest)
    {
        public Guid Id { get; } = id;
        public HashSet<string> Names { get; } = names;
        public Guid? Latest { get; set; } = latest;
    }
}
