using ComplaintsPlatform.CaseWorkflow.Data;
using ComplaintsPlatform.CaseWorkflow.Domain.Cases;
using ComplaintsPlatform.Import;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.CaseWorkflow.Import;

/// <summary>
/// What a batch of case rows must agree with: references already used by other cases, and the Intake
/// contacts the rows name (imported contacts arrive on Intake's feed and open no case of their own).
/// </summary>
internal sealed class CaseLinks
{
    private HashSet<string> _takenReferences = [];
    private Dictionary<string, TriagedContactRecord> _contacts = [];
    private HashSet<string> _contactsWithCases = [];

    public static async Task<CaseLinks> LoadAsync(CaseWorkflowDbContext db, IReadOnlyList<(CsvRow Row, HistoricCase History)> rows, CancellationToken ct)
    {
        var links = new CaseLinks();
        var references = rows.Select(r => r.History.Reference).ToList();
        links._takenReferences = (await db.Cases.AsNoTracking().Where(c => references.Contains(c.Reference))
            .Select(c => c.Reference).ToListAsync(ct)).ToHashSet();
        var contactReferences = rows.Select(r => r.Row.Optional("contact_reference")).OfType<string>().Distinct().ToList();
        if (contactReferences.Count > 0)
        {
            links._contacts = await db.TriagedContacts.AsNoTracking().Where(t => contactReferences.Contains(t.Reference))
                .ToDictionaryAsync(t => t.Reference, ct);
            var contactIds = links._contacts.Values.Select(t => (string?)t.ContactId).ToList();
            links._contactsWithCases = (await db.Cases.AsNoTracking().Where(c => contactIds.Contains(c.ContactId))
                .Select(c => c.ContactId!).ToListAsync(ct)).ToHashSet();
        }
        return links;
    }

    public bool ReferenceTaken(string reference) => _takenReferences.Contains(reference);

    /// <summary>The history with its contact and person when the row names an Intake contact; null (and the row failed) when it cannot be linked.</summary>
    public HistoricCase? Link(CsvRow row, HistoricCase history)
    {
        if (row.Optional("contact_reference") is not { } reference)
        {
            return history;
        }
        if (!_contacts.TryGetValue(reference, out var contact))
        {
            row.Fail("contact_reference", "is not a contact Intake has passed on (import the contacts first)");
            return null;
        }
        if (!_contactsWithCases.Add(contact.ContactId))
        {
            row.Fail("contact_reference", "the contact already has a case");
            return null;
        }
        return history with { ContactId = contact.ContactId, PersonId = contact.PersonId };
    }
}
