using ComplaintsPlatform.Import;
using ComplaintsPlatform.Intake.Data;
using ComplaintsPlatform.Intake.Domain;
using ComplaintsPlatform.Intake.Grpc;
using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using DuplicateFlag = ComplaintsPlatform.Intake.Data.DuplicateFlag;

namespace ComplaintsPlatform.Intake.Import;

/// <summary>
/// Writes valid rows a batch at a time, each batch one transaction with its outbox rows. A source id
/// already imported with the same values is unchanged; with other values it is refused, never overwritten.
/// No correspondence is queued: the receipts and letters of history were sent long ago.
/// </summary>
public sealed class ContactImporter(IntakeDbContext db, IOutbox outbox, StatusTokens tokens, TimeProvider clock)
{
    private readonly PersonMatcher _people = new();
    private readonly ImportedBefore _before = new(ContactColumns.SourceId);

    public async Task ImportAsync(IReadOnlyList<ContactRow> rows, ImportUpload upload, string importedBy, ImportReportBuilder report, CancellationToken ct)
    {
        var fresh = await FreshRowsAsync(rows, upload.SourceFile, report, ct);
        await _people.LoadAsync(db, fresh, ct);
        var now = clock.GetUtcNow();
        var numbers = upload.DryRun ? [] : await ReferenceNumbersAsync(fresh.Count(r => r.Reference is null), ct);
        var next = 0;
        await using var tx = upload.DryRun ? null : await db.Database.BeginTransactionAsync(ct);
        foreach (var row in fresh)
        {
            var contactId = Guid.CreateVersion7();
            var person = _people.Resolve(row, contactId);
            if (person.Warning is not null)
            {
                report.Warned(row.Line, person.WarningColumn, person.Warning);
            }
            report.Imported();
            if (upload.DryRun)
            {
                continue;
            }
            if (person.IsNew)
            {
                db.Persons.Add(new Person { Id = person.PersonId, MatchKey = person.NewMatchKey, CreatedAt = now.UtcDateTime });
            }
            var reference = row.Reference ?? $"CP-{row.ReceivedOn.Year}-{numbers[next++]:D6}";
            var contact = ContactImports.NewContact(row, contactId, person.PersonId, reference, upload.SourceFile, importedBy, now);
            contact.StatusTokenHash = StatusTokens.Hash(tokens.For(contact.Id));
            if (person.PossibleDuplicateOf is { } other)
            {
                // Similarity 0: flagged for who the person is, not for what they wrote.
                contact.DuplicateFlags.Add(new DuplicateFlag { Id = Guid.CreateVersion7(), OtherContactId = other, Similarity = 0 });
            }
            db.Contacts.Add(contact);
            outbox.Add(db, ContactImports.Received(contact));
            outbox.Add(db, ContactImports.Triaged(contact, row));
        }
        if (tx is not null)
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
        }
    }

    // Rows neither imported before nor repeated earlier in this file, and whose own reference is free.
    private async Task<List<ContactRow>> FreshRowsAsync(IReadOnlyList<ContactRow> rows, string sourceFile, ImportReportBuilder report, CancellationToken ct)
    {
        var ids = rows.Select(r => r.SourceId).ToList();
        var known = await db.Contacts.AsNoTracking().Where(c => ids.Contains(c.ImportSourceId!))
            .Select(c => new { c.ImportSourceId, c.RequestFingerprint, c.ImportSourceFile, c.ImportLine })
            .ToDictionaryAsync(c => c.ImportSourceId!, ct);
        var references = rows.Select(r => r.Reference).OfType<string>().ToList();
        var taken = references.Count == 0 ? [] : (await db.Contacts.AsNoTracking().Where(c => references.Contains(c.Reference))
            .Select(c => c.Reference).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var fresh = new List<ContactRow>(rows.Count);
        foreach (var row in rows)
        {
            var stored = known.TryGetValue(row.SourceId, out var k) ? (k.RequestFingerprint, $"{k.ImportSourceFile} line {k.ImportLine}") : ((byte[], string)?)null;
            if (!_before.IsNew(row.SourceId, row.Fingerprint, row.Line, stored, report))
            {
                continue;
            }
            if (row.Reference is { } reference && !taken.Add(reference))
            {
                report.Failed(row.Line, ContactColumns.Reference, "is already the reference of another contact");
                continue;
            }
            _before.Remember(row.SourceId, row.Fingerprint, sourceFile, row.Line);
            fresh.Add(row);
        }
        return fresh;
    }

    private async Task<List<long>> ReferenceNumbersAsync(int count, CancellationToken ct) => count == 0 ? [] :
        await db.Database.SqlQuery<long>($"SELECT nextval('intake.contact_reference_seq') AS \"Value\" FROM generate_series(1, {count})").ToListAsync(ct);
}
