using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Intake.Correspondence;
using ComplaintsPlatform.Intake.Data;
using ComplaintsPlatform.Intake.Domain;
using ComplaintsPlatform.Intake.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Intake.Grpc;

public sealed partial class IntakeService
{
    [Authorize(Roles = Roles.ComplaintsTeam)]
    public override async Task<TriageQueue> ListTriageQueue(ListTriageQueueRequest request, ServerCallContext context)
    {
        new Validator()
            .Require(request.MinAgeHours >= 0, "min_age_hours", "must not be negative")
            .Require(request.MaxWorkingDaysLeft >= 0, "max_working_days_left", "must not be negative")
            .Require(request.PageSize is >= 0 and <= 500, "page_size", "must be between 0 and 500")
            .Require(request.Kinds.All(k => Enum.IsDefined(k) && k != ContactKind.Unspecified), "kinds", "contains an unknown kind")
            .Require(request.Channels.All(c => Enum.IsDefined(c) && c != Channel.Unspecified), "channels", "contains an unknown channel")
            .ThrowIfInvalid();
        var now = clock.GetUtcNow();
        var limits = await db.AcknowledgeLimits.AsNoTracking().Select(l => new { l.Stream, l.WorkingDays }).ToListAsync(context.CancellationToken);
        var deadline = AcknowledgementDeadline.Shortest(limits.Select(l => ((ComplaintStream)l.Stream, l.WorkingDays)),
            options.Value.DefaultAcknowledgeWorkingDays);

        var query = db.Contacts.AsNoTracking().Where(c => c.Decision == 0);
        if (request.Kinds.Count > 0)
        {
            var kinds = request.Kinds.Select(k => (int)k).ToArray();
            query = query.Where(c => kinds.Contains(c.Kind));
        }
        if (request.Channels.Count > 0)
        {
            var channels = request.Channels.Select(k => (int)k).ToArray();
            query = query.Where(c => channels.Contains(c.Channel));
        }
        if (request.MinAgeHours > 0)
        {
            var before = now.UtcDateTime.AddHours(-request.MinAgeHours);
            query = query.Where(c => c.ReceivedAt <= before);
        }
        var rows = await query.OrderBy(c => c.ReceivedAt).ThenBy(c => c.Id)
            .Take(request.PageSize == 0 ? 50 : request.PageSize)
            .Select(c => new
            {
                c.Id, c.Reference, c.Kind, c.Channel, c.ReceivedAt, c.MemberEnquiry, c.PossiblyOutOfTime, c.SuggestedDecision,
                OpenFlags = c.DuplicateFlags.Count(d => d.Status == DuplicateStatus.Open),
                Screening = db.RestrictionScreenings.Where(s => s.ContactId == c.Id).Select(s => s.RestrictionCodes).FirstOrDefault(),
            })
            .ToListAsync(context.CancellationToken);

        var reply = new TriageQueue { ShortestAcknowledgeWorkingDays = deadline.WorkingDays, ShortestAcknowledgeStream = deadline.Stream };
        var council = await councilClock.GetAsync(db, context.CancellationToken);
        var today = council.LocalDate(now);
        var calendar = deadline.CalendarFrom(council);
        foreach (var row in rows)
        {
            var (due, left) = deadline.For(new DateTimeOffset(row.ReceivedAt, TimeSpan.Zero), today, calendar);
            // Oldest first means soonest due first: once one is beyond the filter, so is the rest.
            if (request.MaxWorkingDaysLeft > 0 && left > request.MaxWorkingDaysLeft)
            {
                break;
            }
            reply.Items.Add(new TriageQueueItem
            {
                ContactId = row.Id.ToString(),
                Reference = row.Reference,
                Kind = (ContactKind)row.Kind,
                Channel = (Channel)row.Channel,
                ReceivedAt = ContactMapping.Ts(row.ReceivedAt),
                AgeHours = (int)Math.Max(0, (now.UtcDateTime - row.ReceivedAt).TotalHours),
                AcknowledgeBy = ProtoDates.ToProto(due),
                WorkingDaysLeft = left,
                OpenDuplicateFlags = row.OpenFlags,
                MemberEnquiry = row.MemberEnquiry,
                PossiblyOutOfTime = row.PossiblyOutOfTime,
                SuggestedDecision = (TriageDecision)row.SuggestedDecision,
                ScreenForRestriction = row.Screening is not null,
                RestrictionCodes = { row.Screening ?? [] },
            });
        }
        return reply;
    }

    [Authorize(Roles = Roles.ComplaintsTeam)]
    public override async Task<ContactDetail> Triage(TriageRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var triage = new ContactTriage(await LoadForUpdateAsync(request.ContactId, ct));
        var input = new DecisionInput(request.Decision, request.Stream, request.ReasonCode, request.Notes,
            request.OutOfTimeAccepted, request.ServiceAreaId);
        var now = clock.GetUtcNow().UtcDateTime;
        triage.Triage(input, request.OfferToComplain, await TriageListsAsync(ct), Caller.From(context).Subject, now);
        await SaveAsync(triage, $"triage:{triage.Contact.Id}", now, ct);
        await tx.CommitAsync(ct);
        correspondence.Notify();
        return await DetailAsync(triage.Contact, ct);
    }

    [Authorize(Roles = Roles.ComplaintsTeam)]
    public override async Task<ContactDetail> Reclassify(ReclassifyRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var triage = new ContactTriage(await LoadForUpdateAsync(request.ContactId, ct));
        var input = new DecisionInput(request.ToDecision, request.Stream, request.ReasonCode, request.Reason, false, request.ServiceAreaId);
        var now = clock.GetUtcNow().UtcDateTime;
        var entry = triage.Reclassify(input, request.Reason, request.OfferToComplain, await TriageListsAsync(ct), Caller.From(context).Subject, now);
        await SaveAsync(triage, $"reclassify:{entry.Id}", now, ct);
        await tx.CommitAsync(ct);
        correspondence.Notify();
        return await DetailAsync(triage.Contact, ct);
    }

    [Authorize(Roles = Roles.ComplaintsTeam)]
    public override async Task<ContactDetail> ResolveDuplicateFlag(ResolveDuplicateFlagRequest request, ServerCallContext context)
    {
        var flagId = ParseId(request.FlagId, "flag_id");
        var flag = await db.DuplicateFlags.SingleOrDefaultAsync(f => f.Id == flagId, context.CancellationToken)
            ?? throw new NotFoundException("The duplicate flag");
        if (flag.Status != DuplicateStatus.Open)
        {
            throw new RuleViolationException("The flag has already been resolved.");
        }
        // Confirming records the team's judgement; the two contacts stay separate records.
        flag.Status = request.Confirmed ? DuplicateStatus.Confirmed : DuplicateStatus.Dismissed;
        flag.ResolvedAt = clock.GetUtcNow().UtcDateTime;
        flag.ResolvedBy = Caller.From(context).Subject;
        await db.SaveChangesAsync(context.CancellationToken);
        var contact = await db.Contacts.SingleAsync(c => c.Id == flag.ContactId, context.CancellationToken);
        return await DetailAsync(await WithChildrenAsync(contact, context.CancellationToken), context.CancellationToken);
    }

    /// <summary>Stages the change's events and queues its letters, each addressed (a service without a notification email is not written to).</summary>
    private async Task SaveAsync(ContactTriage triage, string requestPrefix, DateTime now, CancellationToken ct)
    {
        foreach (var message in triage.PendingEvents)
        {
            outbox.Add(db, message);
        }
        var contact = triage.Contact;
        foreach (var letter in triage.PendingLetters)
        {
            var requestId = $"{requestPrefix}:{letter.Key}";
            if (letter.ServiceAreaId is not { } area)
            {
                db.Correspondence.Add(CorrespondenceDesk.ForContact(contact, letter.Template, letter.Facts, requestId, null, null, now));
            }
            else if (await db.ServiceAreas.Where(s => s.Id == area).Select(s => s.NotificationEmail).SingleOrDefaultAsync(ct) is { Length: > 0 } email)
            {
                db.Correspondence.Add(CorrespondenceDesk.ForStaff(email, letter.Facts, requestId, null, contact.Reference, null, now));
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task<TriageLists> TriageListsAsync(CancellationToken ct)
    {
        var items = await db.ConfiguredLists.AsNoTracking()
            .Where(i => !i.Retired && (i.ListName == TriageLists.ExclusionReasonsList || i.ListName == TriageLists.SignpostDestinationsList))
            .ToListAsync(ct);
        var areas = await db.ServiceAreas.AsNoTracking().Select(s => s.Id).ToListAsync(ct);
        return new TriageLists(
            items.Where(i => i.ListName == TriageLists.ExclusionReasonsList).Select(i => i.Code).ToHashSet(),
            items.Where(i => i.ListName == TriageLists.SignpostDestinationsList).Select(i => i.Code).ToHashSet(),
            areas.ToHashSet(),
            items.ToDictionary(i => (i.ListName, i.Code), i => i.Label));
    }

    private async Task<Contact> LoadForUpdateAsync(string contactId, CancellationToken ct)
    {
        var id = ParseId(contactId, "contact_id");
        // Locked for the caller's transaction, so two officers cannot triage the same contact at once.
        return await db.Contacts.FromSql($"SELECT * FROM intake.contacts WHERE id = {id} FOR UPDATE")
                   .FirstOrDefaultAsync(ct) is { } found
            ? await WithChildrenAsync(found, ct)
            : throw new NotFoundException("The contact");
    }

    private async Task<Contact> WithChildrenAsync(Contact contact, CancellationToken ct)
    {
        await db.Entry(contact).Collection(c => c.TriageEntries).LoadAsync(ct);
        await db.Entry(contact).Collection(c => c.DuplicateFlags).LoadAsync(ct);
        return contact;
    }

    private static Guid ParseId(string value, string field) =>
        Guid.TryParse(value, out var id) ? id : throw new ValidationException([new FieldViolation(field, "is not a valid id")]);
}
