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
        var limits = await db.AcknowledgeLimits.AsNoTracking().ToListAsync(context.CancellationToken);
        var shortest = limits.OrderBy(l => l.WorkingDays).ThenBy(l => l.Stream).FirstOrDefault();
        var days = shortest?.WorkingDays ?? options.Value.DefaultAcknowledgeWorkingDays;

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

        var reply = new TriageQueue { ShortestAcknowledgeWorkingDays = days, ShortestAcknowledgeStream = (ComplaintStream)(shortest?.Stream ?? 0) };
        var council = await councilClock.GetAsync(db, context.CancellationToken);
        var today = council.LocalDate(now);
        foreach (var row in rows)
        {
            var (due, left) = AcknowledgeBy(council.WorkingDays, row.ReceivedAt, days, today);
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

    private static (DateOnly? Due, int Left) AcknowledgeBy(Calendar.WorkingDayCalendar calendar, DateTime receivedUtc, int days, DateOnly today)
    {
        try
        {
            var due = calendar.AddWorkingDays(new DateTimeOffset(receivedUtc, TimeSpan.Zero), days);
            return (due, Math.Max(0, calendar.WorkingDaysBetween(today, due)));
        }
        catch (Calendar.CalendarRangeException)
        {
            // Received before the calendar's data begins: long overdue.
            return (null, 0);
        }
    }

    [Authorize(Roles = Roles.ComplaintsTeam)]
    public override async Task<ContactDetail> Triage(TriageRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        await using var tx = await db.Database.BeginTransactionAsync(context.CancellationToken);
        var contact = await LoadForUpdateAsync(request.ContactId, context.CancellationToken);
        TriageRules.CanTriage(contact.Decision);
        var input = new DecisionInput(request.Decision, request.Stream, request.ReasonCode, request.Notes,
            request.OutOfTimeAccepted, request.ServiceAreaId);
        var lists = await TriageListsAsync(context.CancellationToken);
        TriageRules.Check(input, lists, contact.ServiceAreaId);
        new Validator().Require(!request.OfferToComplain || request.Decision == TriageDecision.ServiceRequest,
            "offer_to_complain", "applies to a service request").ThrowIfInvalid();

        var now = clock.GetUtcNow().UtcDateTime;
        var effective = TriageRules.Effective(input);
        ApplyDecision(contact, input, effective, now);
        contact.TriageEntries.Add(new TriageEntry
        {
            Id = Guid.CreateVersion7(),
            Decision = (int)effective,
            Stream = (int)request.Stream,
            ReasonCode = NullIfBlank(request.ReasonCode),
            Notes = NullIfBlank(request.Notes),
            OutOfTimeAccepted = request.OutOfTimeAccepted,
            ServiceAreaId = NullIfBlank(request.ServiceAreaId),
            DecidedAt = now,
            DecidedBy = caller.Subject,
            OfferedToComplain = request.OfferToComplain,
        });
        outbox.Add(db, new ContactTriaged
        {
            ContactId = contact.Id.ToString(),
            Reference = contact.Reference,
            PersonId = contact.PersonId.ToString(),
            Decision = effective,
            Stream = effective == TriageDecision.Complaint ? request.Stream : ComplaintStream.Unspecified,
            ServiceAreaId = contact.ServiceAreaId ?? "",
            Kind = (ContactKind)contact.Kind,
            Channel = (Channel)contact.Channel,
            ReceivedAt = ContactMapping.Ts(contact.ReceivedAt),
            TriagedAt = ContactMapping.Ts(now),
            ReasonCode = request.ReasonCode,
            OutOfTimeAccepted = request.OutOfTimeAccepted,
            MemberEnquiry = contact.MemberEnquiry,
            TriagedBy = caller.Subject,
        });
        await QueueDecisionLettersAsync(contact, request.Decision, request.ReasonCode, request.OutOfTimeAccepted,
            request.OfferToComplain, now, $"triage:{contact.Id}", context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
        await tx.CommitAsync(context.CancellationToken);
        correspondence.Notify();
        return await DetailAsync(contact, context.CancellationToken);
    }

    [Authorize(Roles = Roles.ComplaintsTeam)]
    public override async Task<ContactDetail> Reclassify(ReclassifyRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        await using var tx = await db.Database.BeginTransactionAsync(context.CancellationToken);
        var contact = await LoadForUpdateAsync(request.ContactId, context.CancellationToken);
        TriageRules.CanReclassify(contact.Decision, request.ToDecision, request.Reason);
        var input = new DecisionInput(request.ToDecision, request.Stream, request.ReasonCode, request.Reason, false, request.ServiceAreaId);
        TriageRules.Check(input, await TriageListsAsync(context.CancellationToken), contact.ServiceAreaId);
        new Validator().Require(request.ToDecision != TriageDecision.OutOfTime, "to_decision",
            "out of time is decided at triage; reclassify to COMPLAINT to accept it anyway").ThrowIfInvalid();

        var now = clock.GetUtcNow().UtcDateTime;
        var from = (TriageDecision)contact.Decision;
        ApplyDecision(contact, input, request.ToDecision, now);
        var entry = new TriageEntry
        {
            Id = Guid.CreateVersion7(),
            Decision = (int)request.ToDecision,
            Stream = (int)request.Stream,
            ReasonCode = NullIfBlank(request.ReasonCode),
            ServiceAreaId = NullIfBlank(request.ServiceAreaId),
            DecidedAt = now,
            DecidedBy = caller.Subject,
            ReplacedDecision = (int)from,
            Reason = request.Reason.Trim(),
            OfferedToComplain = request.OfferToComplain,
        };
        contact.TriageEntries.Add(entry);
        outbox.Add(db, new ContactReclassified
        {
            ContactId = contact.Id.ToString(),
            Reference = contact.Reference,
            FromDecision = from,
            ToDecision = request.ToDecision,
            Stream = request.ToDecision == TriageDecision.Complaint ? request.Stream : ComplaintStream.Unspecified,
            ReclassifiedAt = ContactMapping.Ts(now),
            ReclassifiedBy = caller.Subject,
        });
        await QueueDecisionLettersAsync(contact, request.ToDecision, request.ReasonCode, false, request.OfferToComplain, now,
            $"reclassify:{entry.Id}", context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
        await tx.CommitAsync(context.CancellationToken);
        correspondence.Notify();
        return await DetailAsync(contact, context.CancellationToken);
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

    private static void ApplyDecision(Contact contact, DecisionInput input, TriageDecision effective, DateTime now)
    {
        contact.Decision = (int)effective;
        contact.Stream = effective == TriageDecision.Complaint ? (int)input.Stream : 0;
        contact.TriagedAt = now;
        contact.UpdatedAt = now;
        contact.SuggestedDecision = 0;
        if (input.ServiceAreaId.Length > 0)
        {
            contact.ServiceAreaId = input.ServiceAreaId;
        }
    }

    // What the person (or the service) is told follows from the decision; a complaint's own letters are CaseWorkflow's.
    private async Task QueueDecisionLettersAsync(Contact contact, TriageDecision decision, string reasonCode, bool outOfTimeAccepted,
        bool offerToComplain, DateTime now, string requestPrefix, CancellationToken ct)
    {
        string? outcome = null;
        var ombudsmanRight = false;
        switch (decision)
        {
            case TriageDecision.Excluded:
                outcome = $"We cannot consider this under our complaints procedure: {await LabelAsync(TriageLists.ExclusionReasonsList, reasonCode, ct)}.";
                ombudsmanRight = true;
                break;
            case TriageDecision.OutOfTime when !outOfTimeAccepted:
                outcome = "We cannot consider this as a complaint because it was made more than 12 months after you knew of the matter.";
                ombudsmanRight = true;
                break;
            case TriageDecision.Signpost:
                outcome = $"This is best dealt with elsewhere: {await LabelAsync(TriageLists.SignpostDestinationsList, reasonCode, ct)}.";
                break;
            case TriageDecision.ReferOnlineReporting:
                outcome = "This can be reported directly through the council's online reporting service, which will deal with it fastest.";
                break;
            case TriageDecision.ServiceRequest:
            case TriageDecision.Enquiry:
                var area = contact.ServiceAreaId;
                var email = area is null ? null
                    : await db.ServiceAreas.Where(s => s.Id == area).Select(s => s.NotificationEmail).SingleOrDefaultAsync(ct);
                if (!string.IsNullOrEmpty(email))
                {
                    db.Correspondence.Add(CorrespondenceDesk.ForStaff(email, new Dictionary<string, string>
                    {
                        ["subject"] = $"{(decision == TriageDecision.Enquiry ? "An enquiry" : "A service request")} has been passed to your service ({contact.Reference})",
                        ["message"] = "The complaints team has passed this contact to your service. Open it in the complaints platform with its reference.",
                    }, $"{requestPrefix}:staff", null, contact.Reference, null, now));
                }
                break;
        }
        if (outcome is not null)
        {
            var facts = new Dictionary<string, string> { ["outcome_text"] = outcome };
            if (ombudsmanRight)
            {
                facts["ombudsman_right"] = "yes";
            }
            db.Correspondence.Add(CorrespondenceDesk.ForContact(contact, Templates.TriageOutcome, facts, $"{requestPrefix}:outcome", null, null, now));
        }
        if (offerToComplain)
        {
            db.Correspondence.Add(CorrespondenceDesk.ForContact(contact, Templates.OfferToComplain, new Dictionary<string, string>(),
                $"{requestPrefix}:offer", null, null, now));
        }
    }

    private async Task<string> LabelAsync(string list, string code, CancellationToken ct) =>
        await db.ConfiguredLists.Where(i => i.ListName == list && i.Code == code).Select(i => i.Label).SingleOrDefaultAsync(ct) is { Length: > 0 } label
            ? label
            : code;

    private async Task<TriageLists> TriageListsAsync(CancellationToken ct)
    {
        var items = await db.ConfiguredLists.AsNoTracking()
            .Where(i => !i.Retired && (i.ListName == TriageLists.ExclusionReasonsList || i.ListName == TriageLists.SignpostDestinationsList))
            .ToListAsync(ct);
        var areas = await db.ServiceAreas.AsNoTracking().Select(s => s.Id).ToListAsync(ct);
        return new TriageLists(
            items.Where(i => i.ListName == TriageLists.ExclusionReasonsList).Select(i => i.Code).ToHashSet(),
            items.Where(i => i.ListName == TriageLists.SignpostDestinationsList).Select(i => i.Code).ToHashSet(),
            areas.ToHashSet());
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

    private static string? NullIfBlank(string s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
