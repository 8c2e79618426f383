using System.Globalization;
using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Intake.Data;
using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.Retention;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Intake.SubjectAccess;

/// <summary>What Intake itself holds about the people: contacts with their triage, attachments and letters, and the registers.</summary>
public sealed class IntakePersonRecords(IntakeDbContext db)
{
    /// <summary>The person's own records, the files they carry (by file id), and the keys the other services need.</summary>
    public async Task<(List<PersonRecord> Records, Dictionary<string, PackagedFile> Files, PersonKeys Keys)> GatherAsync(
        IReadOnlyCollection<Guid> personIds, CancellationToken ct)
    {
        var contacts = await db.Contacts.AsNoTracking().Where(c => personIds.Contains(c.PersonId))
            .Include(c => c.Attachments).Include(c => c.TriageEntries).AsSplitQuery()
            .OrderBy(c => c.ReceivedAt).ToListAsync(ct);
        var contactIds = contacts.ConvertAll(c => c.Id);
        var caseIds = await db.CaseProgress.AsNoTracking().Where(p => contactIds.Contains(p.ContactId)).Select(p => p.CaseId).ToListAsync(ct);
        var adjustments = await db.Adjustments.AsNoTracking().Where(a => personIds.Contains(a.PersonId)).OrderBy(a => a.FromDate).ToListAsync(ct);
        var restrictions = await db.Restrictions.AsNoTracking().Where(r => personIds.Contains(r.PersonId)).OrderBy(r => r.StartOn).ToListAsync(ct);
        var letterIds = restrictions.SelectMany(r => r.LetterIds).ToList();
        var letters = await db.Correspondence.AsNoTracking()
            .Where(m => (m.ContactId != null && contactIds.Contains(m.ContactId.Value)) || (m.CaseId != null && caseIds.Contains(m.CaseId)) || letterIds.Contains(m.Id))
            .OrderBy(m => m.RequestedAt).ToListAsync(ct);

        var records = new List<PersonRecord>();
        var files = new Dictionary<string, PackagedFile>();
        foreach (var c in contacts)
        {
            var record = Contact(c);
            foreach (var a in c.Attachments.Where(a => a.AnonymisedAt == null))
            {
                record.Files.Add(new PersonFile { Id = a.Id.ToString(), FileName = a.FileName, ContentType = a.ContentType, SizeBytes = a.SizeBytes });
                files[a.Id.ToString()] = new PackagedFile(a.FileName, a.ContentType, a.Content);
            }
            records.Add(record);
            records.AddRange(c.TriageEntries.OrderBy(t => t.DecidedAt).Select(t =>
                Held.Record("triage_decision", t.Id, c.Reference, DateOnly.FromDateTime(t.DecidedAt), $"{AuditKinds.Contact}:{c.Id}")
                    .With("Decision", ((TriageDecision)t.Decision).ToString())
                    .With("Reason", t.ReasonCode).With("Why it changed", t.Reason, mayNameOthers: true)
                    .With("Notes", t.Notes, mayNameOthers: true)));
        }
        foreach (var m in letters.Where(m => m.AnonymisedAt == null))
        {
            var record = Held.Record(AuditKinds.Correspondence, m.Id, m.Reference, DateOnly.FromDateTime(m.SentAt ?? m.RequestedAt),
                    m.ContactId is { } contact ? $"{AuditKinds.Contact}:{contact}" : m.CaseId is { } caseId ? $"{AuditKinds.Case}:{caseId}" : "")
                .With("Letter", m.TemplateCode).With("Sent by", m.DeliveredBy).With("To", m.RecipientName)
                .With("Address", string.Join(", ", m.RecipientAddress)).With("Subject", m.Subject)
                .With("Status", m.Status);
            if (m.Document is { Length: > 0 } document)
            {
                var name = $"letter-{m.Id}{(m.MediaType == "application/pdf" ? ".pdf" : m.MediaType == "text/html" ? ".html" : ".txt")}";
                record.Files.Add(new PersonFile { Id = m.Id.ToString(), FileName = name, ContentType = m.MediaType ?? "application/octet-stream", SizeBytes = document.Length });
                files[m.Id.ToString()] = new PackagedFile(name, m.MediaType ?? "application/octet-stream", document);
            }
            records.Add(record);
        }
        records.AddRange(adjustments.Where(a => a.AnonymisedAt == null).Select(a =>
            Held.Record(AuditKinds.Adjustment, a.Id, null, a.FromDate)
                .With("Adjustment", ((Adjustment)a.Category).ToString()).With("Description", a.Description, mayNameOthers: true)
                .With("Next review", a.NextReviewOn).With("Ended", a.EndedOn)));
        records.AddRange(restrictions.Where(r => r.AnonymisedAt == null).Select(r =>
            Held.Record(AuditKinds.Restriction, r.Id, null, r.StartOn)
                .With("Restriction", ((RestrictionType)r.Type).ToString()).With("Reason", r.Reason, mayNameOthers: true)
                .With("Details", r.Details, mayNameOthers: true).With("Next review", r.NextReviewOn).With("Ended", r.EndedOn)));

        var keys = new PersonKeys();
        keys.PersonIds.AddRange(personIds.Select(p => p.ToString()));
        keys.ContactIds.AddRange(contactIds.Select(c => c.ToString()));
        keys.CaseIds.AddRange(caseIds.Distinct());
        return (records, files, keys);
    }

    private static PersonRecord Contact(Contact c)
    {
        var record = Held.Record(AuditKinds.Contact, c.Id, c.Reference, DateOnly.FromDateTime(c.ReceivedAt))
            .With("Kind", ((ContactKind)c.Kind).ToString())
            .With("How it came", ((Channel)c.Channel).ToString())
            .With("Name", c.Name).With("Email", c.Email).With("Phone", c.Phone)
            .With("Address", string.Join(", ", c.AddressLines.Append(c.Town ?? "").Where(l => l.Length > 0)))
            .With("Postcode", c.Postcode)
            .With("Representative", c.RepresentativeName, mayNameOthers: true).With("Representative's relationship", c.RepresentativeRelationship)
            .With("What it is about", c.Description, mayNameOthers: true)
            .With("When it happened", c.HappenedOn)
            .With("What you want to happen", c.OutcomeSought, mayNameOthers: true)
            .With("Adjustments asked for", string.Join(", ", c.Adjustments.Select(a => ((Adjustment)a).ToString())))
            .With("About the adjustments", c.AdjustmentsNotes, mayNameOthers: true)
            .With("Triage decision", c.Decision == 0 ? null : ((TriageDecision)c.Decision).ToString());
        if (c.AnonymisedAt is { } at)
        {
            record.With("Details removed", at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        return record;
    }
}

/// <summary>A file in the package's zip.</summary>
public sealed record PackagedFile(string FileName, string ContentType, byte[] Content);
