using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Intake.Data;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Intake.Retention;

/// <summary>
/// How each kind of Intake record is erased or anonymised, in the caller's transaction. Anonymising keeps
/// ids, codes and dates (kind, channel, decision, stream, service area, adjustment codes) and removes
/// names, contact details, free text and files. Each returns the ids it changed.
/// </summary>
internal static class IntakeRemoval
{
    public static async Task<IReadOnlyList<string>> ContactsAsync(IntakeDbContext db, RetentionAction action, List<Guid> ids, DateTime now, CancellationToken ct)
    {
        var contacts = await db.Contacts.Where(c => ids.Contains(c.Id) && c.AnonymisedAt == null)
            .Include(c => c.TriageEntries).ToListAsync(ct);
        var found = contacts.ConvertAll(c => c.Id);
        var persons = contacts.Select(c => c.PersonId).Distinct().ToList();
        // A contact's letters and files go with it.
        await CorrespondenceAsync(db, action, await db.Correspondence.Where(m => m.ContactId != null && found.Contains(m.ContactId.Value)).Select(m => m.Id).ToListAsync(ct), now, ct);
        await AttachmentsAsync(db, action, await db.Attachments.Where(a => found.Contains(a.ContactId)).Select(a => a.Id).ToListAsync(ct), now, ct);
        if (action == RetentionAction.Erase)
        {
            await db.TriageEntries.Where(t => found.Contains(t.ContactId)).ExecuteDeleteAsync(ct);
            await db.DuplicateFlags.Where(d => found.Contains(d.ContactId) || found.Contains(d.OtherContactId)).ExecuteDeleteAsync(ct);
            await db.PublicRequests.Where(r => found.Contains(r.ContactId)).ExecuteDeleteAsync(ct);
            await db.RestrictionScreenings.Where(r => found.Contains(r.ContactId)).ExecuteDeleteAsync(ct);
            await db.CaseProgress.Where(p => found.Contains(p.ContactId)).ExecuteDeleteAsync(ct);
            await db.AccessLog.Where(a => found.Contains(a.ContactId)).ExecuteDeleteAsync(ct);
            await db.Contacts.Where(c => found.Contains(c.Id)).ExecuteDeleteAsync(ct);
        }
        else
        {
            foreach (var contact in contacts)
            {
                Anonymise(contact, now);
            }
            await db.PublicRequests.Where(r => found.Contains(r.ContactId)).ExecuteUpdateAsync(s => s.SetProperty(r => r.Text, ""), ct);
        }
        await db.SaveChangesAsync(ct);
        await ForgetPersonsAsync(db, persons, ct);
        return found.ConvertAll(id => id.ToString());
    }

    public static async Task<IReadOnlyList<string>> AttachmentsAsync(IntakeDbContext db, RetentionAction action, List<Guid> ids, DateTime now, CancellationToken ct)
    {
        var found = await db.Attachments.Where(a => ids.Contains(a.Id) && a.AnonymisedAt == null).Select(a => a.Id).ToListAsync(ct);
        if (action == RetentionAction.Erase)
        {
            await db.Attachments.Where(a => found.Contains(a.Id)).ExecuteDeleteAsync(ct);
        }
        else
        {
            // The type and size stay; the name, the bytes and their hash go.
            await db.Attachments.Where(a => found.Contains(a.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(a => a.Content, Array.Empty<byte>()).SetProperty(a => a.FileName, "")
                .SetProperty(a => a.Sha256, "").SetProperty(a => a.AnonymisedAt, now), ct);
        }
        return found.ConvertAll(id => id.ToString());
    }

    public static async Task<IReadOnlyList<string>> CorrespondenceAsync(IntakeDbContext db, RetentionAction action, List<Guid> ids, DateTime now, CancellationToken ct)
    {
        var found = await db.Correspondence.Where(m => ids.Contains(m.Id) && m.AnonymisedAt == null).Select(m => m.Id).ToListAsync(ct);
        if (action == RetentionAction.Erase)
        {
            await db.Correspondence.Where(m => found.Contains(m.Id)).ExecuteDeleteAsync(ct);
        }
        else
        {
            // A letter not yet sent when its contact is erased is never sent: there is no one left to send it to.
            await db.Correspondence.Where(m => found.Contains(m.Id) && m.Status == CorrespondenceStatus.Pending).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, CorrespondenceStatus.Failed)
                .SetProperty(m => m.LastError, "Erased before it was sent (retention or an erasure request)."), ct);
            // The template, dates and delivery outcome stay; who it went to and what it said go.
            await db.Correspondence.Where(m => found.Contains(m.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.RecipientName, "").SetProperty(m => m.RecipientAddress, Array.Empty<string>())
                .SetProperty(m => m.FactsJson, "{}").SetProperty(m => m.Subject, (string?)null)
                .SetProperty(m => m.Document, (byte[]?)null).SetProperty(m => m.AnonymisedAt, now), ct);
        }
        return found.ConvertAll(id => id.ToString());
    }

    public static async Task<IReadOnlyList<string>> RegisterEntriesAsync(IntakeDbContext db, RetentionAction action, List<Guid> ids, DateTime now, CancellationToken ct)
    {
        var adjustments = await db.Adjustments.Where(a => ids.Contains(a.Id) && a.AnonymisedAt == null).Select(a => a.Id).ToListAsync(ct);
        var restrictions = await db.Restrictions.Where(r => ids.Contains(r.Id) && r.AnonymisedAt == null).Select(r => r.Id).ToListAsync(ct);
        var found = adjustments.Concat(restrictions).ToList();
        if (action == RetentionAction.Erase)
        {
            await db.RegisterReviews.Where(r => found.Contains(r.RecordId)).ExecuteDeleteAsync(ct);
            await db.Adjustments.Where(a => adjustments.Contains(a.Id)).ExecuteDeleteAsync(ct);
            await db.Restrictions.Where(r => restrictions.Contains(r.Id)).ExecuteDeleteAsync(ct);
        }
        else
        {
            // The category or type, the dates and who agreed stay; the words about the person go.
            await db.RegisterReviews.Where(r => found.Contains(r.RecordId)).ExecuteUpdateAsync(s => s.SetProperty(r => r.Notes, (string?)null), ct);
            await db.Adjustments.Where(a => adjustments.Contains(a.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(a => a.Description, "").SetProperty(a => a.AnonymisedAt, now), ct);
            await db.Restrictions.Where(r => restrictions.Contains(r.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Reason, "").SetProperty(r => r.Details, (string?)null).SetProperty(r => r.AnonymisedAt, now), ct);
        }
        return found.ConvertAll(id => id.ToString());
    }

    public static async Task<IReadOnlyList<string>> AccessLogAsync(IntakeDbContext db, List<long> ids, CancellationToken ct)
    {
        var found = await db.AccessLog.Where(a => ids.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct);
        await db.AccessLog.Where(a => found.Contains(a.Id)).ExecuteDeleteAsync(ct);
        return found.ConvertAll(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static void Anonymise(Contact contact, DateTime now)
    {
        contact.Name = "";
        contact.Email = null;
        contact.Phone = null;
        contact.AddressLines = [];
        contact.Town = null;
        contact.Postcode = null;
        contact.RepresentativeName = null;
        contact.RepresentativeRelationship = null;
        contact.RepresentativeEmail = null;
        contact.RepresentativePhone = null;
        contact.RepresentativeAddressLines = [];
        contact.RepresentativeTown = null;
        contact.RepresentativePostcode = null;
        contact.AdjustmentsNotes = null;
        contact.Description = "";
        contact.OutcomeSought = null;
        contact.RequestFingerprint = [];
        contact.AnonymisedAt = now;
        foreach (var entry in contact.TriageEntries)
        {
            entry.Notes = null;
            entry.Reason = null;
        }
    }

    // Once none of a person's contacts keeps their details, the email or phone they were matched on goes too.
    private static async Task ForgetPersonsAsync(IntakeDbContext db, List<Guid> persons, CancellationToken ct) =>
        await db.Persons
            .Where(p => persons.Contains(p.Id) && !db.Contacts.Any(c => c.PersonId == p.Id && c.AnonymisedAt == null))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.MatchKey, (string?)null), ct);
}
