using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Compliments.Data;
using ComplaintsPlatform.Compliments.V1;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Retention;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Compliments.Grpc;

/// <summary>The person's own compliments, for Intake's subject access service only; each gathering is in the read audit.</summary>
[Authorize(Roles = Roles.Service)]
public sealed class PersonDataService(ComplimentsDbContext db, TimeProvider clock) : PersonData.PersonDataBase
{
    public override async Task<PersonRecords> GatherRecords(PersonKeys request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        Held.EnsureIntake(caller);
        var compliments = await Of(request).OrderBy(c => c.ReceivedOn).ToListAsync(context.CancellationToken);
        var reply = new PersonRecords();
        var now = clock.GetUtcNow();
        foreach (var c in compliments)
        {
            ReadAudit.Add(db, caller, now, "SubjectAccess", AuditKinds.Compliment, c.Id.ToString(), c.PersonId, officerId: request.RequestedBy);
            reply.Records.Add(Held.Record(AuditKinds.Compliment, c.Id, c.ContactReference, c.ReceivedOn,
                    c.ContactId is null ? "" : $"{AuditKinds.Contact}:{c.ContactId}")
                .With("Service area", c.ServiceAreaId)
                .With("Channel", c.Channel.ToString())
                .With("Your words", c.Words, mayNameOthers: true)
                .With("Consent to quote", c.ConsentToQuote ? "Yes" : "No")
                .With("Words we may quote", c.QuotableText, mayNameOthers: true)
                .With("Status", c.Status.ToString()));
        }
        await db.SaveChangesAsync(context.CancellationToken);
        return reply;
    }

    public override async Task<AccessEntries> QueryAccess(AccessQuery request, ServerCallContext context)
    {
        Held.EnsureIntake(Caller.From(context));
        var ids = request.Person is { } person
            ? await Of(person).Select(c => c.Id.ToString()).ToListAsync(context.CancellationToken)
            : [];
        return await ReadAudit.QueryAsync(db, "compliments", request, ids, context.CancellationToken);
    }

    private IQueryable<Domain.Compliment> Of(PersonKeys person)
    {
        var persons = person.PersonIds.ToList();
        var contacts = person.ContactIds.ToList();
        return db.Compliments.AsNoTracking()
            .Where(c => (c.PersonId != null && persons.Contains(c.PersonId)) || (c.ContactId != null && contacts.Contains(c.ContactId)));
    }
}
