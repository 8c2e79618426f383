using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.Retention;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Intake.Grpc;

public sealed partial class SubjectAccessService
{
    private const int MaxMatches = 20;

    /// <summary>
    /// People whose contacts match every field given (name contains, email, phone digits, postcode,
    /// contact or case reference), with what their contacts say, so the officer can confirm it is them.
    /// Every search is in the read audit, with each person it showed.
    /// </summary>
    public override async Task<PersonMatches> FindPerson(FindPersonRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var name = request.Name.Trim().ToLowerInvariant();
        var email = request.Email.Trim().ToLowerInvariant();
        var phone = new string(request.Phone.Where(char.IsAsciiDigit).ToArray()).TrimStart('0');
        if (phone.StartsWith("44", StringComparison.Ordinal) && request.Phone.TrimStart().StartsWith('+'))
        {
            phone = phone[2..].TrimStart('0');
        }
        var postcode = request.Postcode.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var reference = request.Reference.Trim();
        new Validator()
            .Require(name.Length + email.Length + phone.Length + postcode.Length + reference.Length > 0, "name", "give a name, email, phone, postcode or reference")
            .Require(name.Length is 0 or >= 2, "name", "must be at least 2 characters")
            .Require(request.Phone.Trim().Length == 0 || phone.Length >= 6, "phone", "must have at least 6 digits")
            .MaxLength(request.Name, "name", 200).MaxLength(request.Email, "email", 320).MaxLength(request.Reference, "reference", 100)
            .ThrowIfInvalid();

        var contacts = db.Contacts.AsNoTracking().Where(c => c.AnonymisedAt == null);
        if (name.Length > 0)
        {
            contacts = contacts.Where(c => c.Name.ToLower().Contains(name));
        }
        if (email.Length > 0)
        {
            contacts = contacts.Where(c => c.Email != null && c.Email.ToLower() == email);
        }
        if (phone.Length > 0)
        {
            contacts = contacts.Where(c => c.Phone != null
                && c.Phone.Replace(" ", "").Replace("-", "").Replace("(", "").Replace(")", "").Replace(".", "").EndsWith(phone));
        }
        if (postcode.Length > 0)
        {
            contacts = contacts.Where(c => c.Postcode != null && c.Postcode.Replace(" ", "").ToUpper() == postcode);
        }
        if (reference.Length > 0)
        {
            // The contact's own reference, or the case Intake opened from it (case ids as CaseWorkflow gave them).
            var byCase = db.CaseProgress.Where(p => p.CaseId == reference).Select(p => p.ContactId);
            contacts = contacts.Where(c => c.Reference == reference || byCase.Contains(c.Id));
        }
        var personIds = await contacts.Select(c => c.PersonId).Distinct().Take(MaxMatches).ToListAsync(ct);
        var theirs = await db.Contacts.AsNoTracking().Where(c => personIds.Contains(c.PersonId) && c.AnonymisedAt == null)
            .Select(c => new { c.PersonId, c.Name, c.Email, c.Phone, c.Postcode, c.Reference, c.ReceivedAt }).ToListAsync(ct);

        var caller = Caller.From(context);
        var now = clock.GetUtcNow();
        ReadAudit.Add(db, caller, now, nameof(FindPerson) + (personIds.Count == 0 ? " (no match)" : ""), AuditKinds.PersonSearch, "");
        foreach (var p in personIds)
        {
            ReadAudit.Add(db, caller, now, nameof(FindPerson), AuditKinds.PersonSearch, p.ToString(), p.ToString());
        }
        await db.SaveChangesAsync(ct);

        var reply = new PersonMatches();
        foreach (var group in theirs.GroupBy(c => c.PersonId).OrderByDescending(g => g.Max(c => c.ReceivedAt)))
        {
            reply.Matches.Add(new PersonMatch
            {
                PersonId = group.Key.ToString(),
                Names = { Distinct(group.Select(c => c.Name)) },
                Emails = { Distinct(group.Select(c => c.Email)) },
                Phones = { Distinct(group.Select(c => c.Phone)) },
                Postcodes = { Distinct(group.Select(c => c.Postcode)) },
                References = { group.OrderBy(c => c.ReceivedAt).Select(c => c.Reference) },
                ContactCount = group.Count(),
                LastContactAt = ContactMapping.Ts(group.Max(c => c.ReceivedAt)),
            });
        }
        return reply;
    }

    /// <summary>Every service's read audit, by person, officer and period (days in the council's time zone, to inclusive).</summary>
    public override async Task<AccessLogEntries> QueryAccessLog(QueryAccessLogRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var from = request.From.ToDateOnlyOrNull();
        var to = request.To.ToDateOnlyOrNull();
        var person = Guid.TryParse(request.PersonId, out var p) ? p : Guid.Empty;
        new Validator()
            .Require(request.PersonId.Length == 0 || person != Guid.Empty, "person_id", "is not a person id")
            .Require(request.From is null || from is not null, "from", "must be a real date")
            .Require(request.To is null || to is not null, "to", "must be a real date")
            .Require(from is null || to is null || from <= to, "to", "must not be before from")
            .Require(person != Guid.Empty || request.OfficerId.Trim().Length > 0 || from is not null || to is not null,
                "person_id", "give a person, an officer or a period")
            .MaxLength(request.OfficerId, "officer_id", 200)
            .ThrowIfInvalid();
        var councilTime = await councilClock.GetAsync(db, ct);
        var query = new AccessQuery { OfficerId = request.OfficerId.Trim(), Limit = 1000 };
        if (from is { } f)
        {
            query.From = Timestamp.FromDateTimeOffset(councilTime.StartOf(f));
        }
        if (to is { } t)
        {
            query.To = Timestamp.FromDateTimeOffset(councilTime.StartOf(t.AddDays(1)));
        }
        if (person != Guid.Empty)
        {
            query.Person = await accessLog.KeysAsync([person], ct);
        }
        var caller = Caller.From(context);
        ReadAudit.Add(db, caller, clock.GetUtcNow(), nameof(QueryAccessLog), AuditKinds.PersonSearch, person == Guid.Empty ? "" : person.ToString(),
            person == Guid.Empty ? null : person.ToString());
        await db.SaveChangesAsync(ct);
        return new AccessLogEntries { Entries = { await accessLog.QueryAsync(query, ct) } };
    }

    private static IEnumerable<string> Distinct(IEnumerable<string?> values) =>
        values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase);
}
