using System.Text.Json;
using ComplaintsPlatform.CaseWorkflow.Data;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Retention;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.CaseWorkflow.Grpc;

/// <summary>
/// A person's cases (their facts, issues, remedies) and the words of the letters written on them, and
/// the case audit, for Intake's subject access service only. Each case gathered is audited like a read.
/// </summary>
[Authorize(Roles = Roles.Service)]
public sealed class PersonDataService(CaseWorkflowDbContext db, TimeProvider clock) : PersonData.PersonDataBase
{
    public override async Task<PersonRecords> GatherRecords(PersonKeys request, ServerCallContext context)
    {
        Held.EnsureIntake(Caller.From(context));
        var rows = await CasesOf(request).OrderBy(c => c.ReceivedOn).ToListAsync(context.CancellationToken);
        var ids = rows.ConvertAll(r => r.Id);
        var letters = await db.Correspondence.AsNoTracking().Where(l => ids.Contains(l.CaseId) && l.AnonymisedAt == null)
            .OrderBy(l => l.RecordedAt).ToListAsync(context.CancellationToken);
        var reply = new PersonRecords();
        var now = clock.GetUtcNow();
        foreach (var row in rows)
        {
            db.CaseAudit.Add(new CaseAuditRecord
            {
                CaseId = row.Id, At = now, OfficerId = request.RequestedBy, Role = Claims.ServicePrefix + Held.IntakeService,
                Action = "SubjectAccess", Allowed = true,
            });
            var c = row.Load();
            var partOf = $"{AuditKinds.Case}:{c.Id}";
            reply.Records.Add(Held.Record(AuditKinds.Case, c.Id, c.Reference, c.ReceivedOn, c.ContactId.Length > 0 ? $"{AuditKinds.Contact}:{c.ContactId}" : "")
                .With("Stream", c.Stream.ToString())
                .With("Status", c.Status.ToString())
                .With("Stage", c.CurrentStage.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .With("Service area", c.ServiceAreaId)
                .With("Closed", row.ClosedOn));
            reply.Records.AddRange(c.Issues.Select(i => Held.Record("case_issue", $"{c.Id}/issue/{i.Id}", c.Reference, i.DefinedOn, partOf)
                .With("Issue", i.Summary, mayNameOthers: true).With("Stage", i.Stage.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            reply.Records.AddRange(c.Facts.Select(f => FactRecord(c.Id, c.Reference, f, partOf)));
            reply.Records.AddRange(c.Remedies.Select(r => Held.Record("case_remedy", $"{c.Id}/remedy/{r.Id}", c.Reference, r.AgreedOn, partOf)
                .With("Remedy", r.TypeCode).With("Description", r.Description, mayNameOthers: true)
                .With("Amount", r.AmountPence > 0 ? Held.Pounds(r.AmountPence) : null).With("Due", r.Due).With("Completed", r.CompletedOn)));
        }
        foreach (var letter in letters)
        {
            var record = Held.Record("case_letter", letter.RequestId, rows.First(r => r.Id == letter.CaseId).Reference,
                DateOnly.FromDateTime(letter.RecordedAt.UtcDateTime), $"{AuditKinds.Case}:{letter.CaseId}").With("Letter", letter.TemplateCode);
            foreach (var (name, text) in JsonSerializer.Deserialize<Dictionary<string, string>>(letter.Texts) ?? [])
            {
                record.With(name, text, mayNameOthers: true);
            }
            reply.Records.Add(record);
        }
        await db.SaveChangesAsync(context.CancellationToken);
        return reply;
    }

    public override async Task<AccessEntries> QueryAccess(AccessQuery request, ServerCallContext context)
    {
        Held.EnsureIntake(Caller.From(context));
        var rows = db.CaseAudit.AsNoTracking();
        if (request.Person is { } person)
        {
            var ids = CasesOf(person).Select(c => c.Id);
            rows = rows.Where(a => ids.Contains(a.CaseId));
        }
        if (request.OfficerId.Length > 0)
        {
            rows = rows.Where(a => a.OfficerId == request.OfficerId);
        }
        if (request.From is { } from)
        {
            var f = from.ToDateTimeOffset();
            rows = rows.Where(a => a.At >= f);
        }
        if (request.To is { } to)
        {
            var t = to.ToDateTimeOffset();
            rows = rows.Where(a => a.At < t);
        }
        var limit = request.Limit is > 0 and <= 5000 ? request.Limit : 1000;
        var found = await (from a in rows
                           join c in db.Cases on a.CaseId equals c.Id into cases
                           from c in cases.DefaultIfEmpty()
                           orderby a.At descending, a.Id descending
                           select new { a, PersonId = c == null ? null : c.PersonId }).Take(limit).ToListAsync(context.CancellationToken);
        return new AccessEntries
        {
            Entries =
            {
                found.Select(x => new AccessEntry
                {
                    At = Timestamp.FromDateTimeOffset(x.a.At), Service = "caseworkflow", OfficerId = x.a.OfficerId, Role = x.a.Role,
                    Action = x.a.Action, RecordKind = AuditKinds.Case, RecordId = x.a.CaseId.ToString(), PersonId = x.PersonId ?? "",
                    Allowed = x.a.Allowed,
                }),
            },
        };
    }

    private IQueryable<CaseRecord> CasesOf(PersonKeys person)
    {
        var persons = person.PersonIds.ToList();
        var cases = Held.Guids(person.CaseIds);
        var contacts = person.ContactIds.ToList();
        return db.Cases.AsNoTracking().Where(c => (c.PersonId != null && persons.Contains(c.PersonId)) || cases.Contains(c.Id)
            || (c.ContactId != null && contacts.Contains(c.ContactId)));
    }

    private static PersonRecord FactRecord(Guid caseId, string reference, Domain.Cases.CaseFactEntry f, string partOf)
    {
        // A fact has no id of its own: the case's id and its sequence name it.
        return Held.Record("case_fact", $"{caseId}/fact/{f.Sequence}", reference, f.OccurredOn, partOf)
            .With("What happened", f.Kind).With("Note", f.Summary, mayNameOthers: true);
    }
}
