using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Messaging.Outbox;
using ComplaintsPlatform.Ombudsman.V1;
using ComplaintsPlatform.OmbudsmanLiaison.Cases;
using ComplaintsPlatform.OmbudsmanLiaison.Data;
using ComplaintsPlatform.OmbudsmanLiaison.Domain;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using static ComplaintsPlatform.OmbudsmanLiaison.Domain.FactDates;
using V1Ombudsman = ComplaintsPlatform.Ombudsman.V1.Ombudsman;

namespace ComplaintsPlatform.OmbudsmanLiaison.Grpc;

/// <summary>
/// The link officer's workspace. Each command validates everything first (INVALID_ARGUMENT with every
/// bad field), then the rules of the enquiry's state (FAILED_PRECONDITION), then writes the change and
/// its events in one SaveChanges.
/// </summary>
[Authorize(Roles = Access.Readers)]
public sealed partial class OmbudsmanLiaisonService(
    OmbudsmanLiaisonDbContext db, IOutbox outbox, CouncilCalendar calendars, ICaseDirectory cases, TimeProvider clock)
    : global::ComplaintsPlatform.Ombudsman.V1.OmbudsmanLiaison.OmbudsmanLiaisonBase
{
    /// <summary>A pre-allocation enquiry's requests are due this many working days after they arrive.</summary>
    public const int PreAllocationWorkingDays = 10;

    [Authorize(Roles = Access.Writers)]
    public override async Task<Enquiry> RegisterEnquiry(RegisterEnquiryRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var calendar = await calendars.GetAsync(db, ct);
        var today = calendars.Today(calendar);
        var v = new Validator();
        RequireKnown(request.Ombudsman, "ombudsman", v);
        v.NotBlank(request.OmbudsmanReference, "ombudsman_reference", 50);
        var receivedOn = Happened(request.ReceivedOn, "received_on", v, today);
        v.NotBlank(request.DirectorateId, "directorate_id", 100);
        if (calendar.DirectorateIds.Count > 0 && request.DirectorateId.Length > 0 && !calendar.DirectorateIds.Contains(request.DirectorateId))
        {
            v.Add("directorate_id", "is not one of the council's directorates");
        }
        if (request.PredatesPlatform)
        {
            v.Require(request.CaseReference.Length == 0, "case_reference", "must be empty for a case that predates the platform (use legacy_case_reference)");
            v.Require(request.LegacyCaseReference.Length <= 100, "legacy_case_reference", "must be at most 100 characters");
        }
        else
        {
            v.NotBlank(request.CaseReference, "case_reference", 100);
        }
        v.Require(request.Summary.Length <= 4000, "summary", "must be at most 4000 characters");
        v.ThrowIfInvalid();

        CouncilCase? councilCase = null;
        if (!request.PredatesPlatform)
        {
            councilCase = await cases.FindAsync(request.CaseReference.Trim(), ct)
                ?? throw new ValidationException([new FieldViolation("case_reference",
                    "no council case has this reference; if the case predates the platform, say so with predates_platform")]);
        }
        if (await db.Enquiries.AnyAsync(e => e.Ombudsman == request.Ombudsman && e.OmbudsmanReference == request.OmbudsmanReference.Trim(), ct))
        {
            throw new AlreadyExistsException($"An enquiry with Ombudsman reference {request.OmbudsmanReference.Trim()}");
        }

        var caller = Caller.From(context);
        var enquiry = new EnquiryRecord
        {
            Id = Guid.CreateVersion7(),
            Ombudsman = request.Ombudsman,
            OmbudsmanReference = request.OmbudsmanReference.Trim(),
            ReceivedOn = receivedOn!.Value,
            DirectorateId = request.DirectorateId,
            CaseId = councilCase?.CaseId,
            CaseReference = councilCase?.Reference ?? NullIfBlank(request.LegacyCaseReference),
            PredatesPlatform = request.PredatesPlatform,
            PreAllocation = request.PreAllocation,
            Summary = request.Summary,
            RecordedAt = clock.GetUtcNow(),
            RecordedBy = caller.Subject,
        };
        db.Enquiries.Add(enquiry);
        outbox.Add(db, EnquiryEvents.Received(enquiry, imported: false));
        await db.SaveChangesAsync(ct);
        return EnquiryMapping.ToProto(enquiry, today, calendar.Calendar);
    }

    public override async Task<Enquiry> GetEnquiry(GetEnquiryRequest request, ServerCallContext context)
    {
        var enquiry = await LoadAsync(request.EnquiryId, context, forWrite: false);
        var calendar = await calendars.GetAsync(db, context.CancellationToken);
        return EnquiryMapping.ToProto(enquiry, calendars.Today(calendar), calendar.Calendar);
    }

    [Authorize(Roles = Access.Writers)]
    public override async Task<Enquiry> RecordInformationRequest(RecordInformationRequestRequest request, ServerCallContext context)
    {
        var (enquiry, calendar, today) = await PrepareAsync(request.EnquiryId, context);
        var v = new Validator();
        var requestedOn = Happened(request.RequestedOn, "requested_on", v, today, enquiry.ReceivedOn);
        var dueOn = Read(request.DueOn, "due_on", v, required: !enquiry.PreAllocation);
        if (dueOn is { } due && requestedOn is { } asked && due < asked)
        {
            v.Add("due_on", "must not be before the request was received");
        }
        v.NotBlank(request.Summary, "summary", 4000);
        ValidateDocument(request.Document, "document", v);
        v.ThrowIfInvalid();
        if (enquiry.Decision is not null)
        {
            throw new RuleViolationException("The Ombudsman has decided this enquiry; record further letters as correspondence.");
        }

        var workingDays = dueOn is null ? PreAllocationWorkingDays : 0;
        var record = new InformationRequestRecord
        {
            Id = Guid.CreateVersion7(),
            EnquiryId = enquiry.Id,
            RequestedOn = requestedOn!.Value,
            DueOn = dueOn ?? calendar.Calendar.AddWorkingDays(requestedOn.Value, workingDays),
            WorkingDays = workingDays,
            CalendarVersion = workingDays > 0 ? calendar.Version : "",
            Summary = request.Summary,
            RecordedAt = clock.GetUtcNow(),
            RecordedBy = Caller.From(context).Subject,
        };
        enquiry.Requests.Add(record);
        AddCorrespondence(enquiry, Direction.In, record.RequestedOn, "Request for information: " + request.Summary, request.Document, context);
        outbox.Add(db, new InformationRequestDue
        {
            EnquiryId = enquiry.Id.ToString(),
            RequestId = record.Id.ToString(),
            RequestedOn = ToProto(record.RequestedOn),
            DueOn = ToProto(record.DueOn),
            CalendarVersion = record.CalendarVersion,
        });
        return await SaveAsync(enquiry, calendar, today, context);
    }

    [Authorize(Roles = Access.Writers)]
    public override async Task<Enquiry> RecordReply(RecordReplyRequest request, ServerCallContext context)
    {
        var (enquiry, calendar, today) = await PrepareAsync(request.EnquiryId, context);
        var v = new Validator();
        var target = Guid.TryParse(request.RequestId, out var id) ? enquiry.Requests.FirstOrDefault(r => r.Id == id) : null;
        v.Require(target is not null, "request_id", "is not a request of this enquiry");
        var repliedOn = Happened(request.RepliedOn, "replied_on", v, today, target?.RequestedOn ?? enquiry.ReceivedOn);
        v.NotBlank(request.Summary, "summary", 4000);
        ValidateDocument(request.Document, "document", v);
        v.ThrowIfInvalid();
        if (target!.RepliedOn is not null)
        {
            throw new RuleViolationException($"This request was already answered on {target.RepliedOn:yyyy-MM-dd}.");
        }

        target.RepliedOn = repliedOn;
        target.Late = repliedOn > target.DueOn;
        AddCorrespondence(enquiry, Direction.Out, repliedOn!.Value, "Reply: " + request.Summary, request.Document, context);
        outbox.Add(db, new InformationRequestAnswered
        {
            EnquiryId = enquiry.Id.ToString(),
            RequestId = target.Id.ToString(),
            DueOn = ToProto(target.DueOn),
            RepliedOn = ToProto(repliedOn),
            Late = target.Late,
        });
        return await SaveAsync(enquiry, calendar, today, context);
    }

    [Authorize(Roles = Access.Writers)]
    public override async Task<Enquiry> RecordCorrespondence(RecordCorrespondenceRequest request, ServerCallContext context)
    {
        var (enquiry, calendar, today) = await PrepareAsync(request.EnquiryId, context);
        var v = new Validator();
        RequireKnown(request.Direction, "direction", v);
        var occurredOn = Happened(request.OccurredOn, "occurred_on", v, today, enquiry.ReceivedOn);
        v.NotBlank(request.Summary, "summary", 4000);
        ValidateDocument(request.Document, "document", v);
        v.ThrowIfInvalid();

        AddCorrespondence(enquiry, request.Direction, occurredOn!.Value, request.Summary, request.Document, context);
        return await SaveAsync(enquiry, calendar, today, context);
    }

    [Authorize(Roles = Access.Writers)]
    public override async Task<Enquiry> RecordDraftDecision(RecordDraftDecisionRequest request, ServerCallContext context)
    {
        var (enquiry, calendar, today) = await PrepareAsync(request.EnquiryId, context);
        var v = new Validator();
        var receivedOn = Happened(request.ReceivedOn, "received_on", v, today, enquiry.ReceivedOn);
        var dueOn = Read(request.CommentsDueOn, "comments_due_on", v);
        if (dueOn < receivedOn)
        {
            v.Add("comments_due_on", "must not be before the draft decision was received");
        }
        ValidateDocument(request.Document, "document", v);
        v.ThrowIfInvalid();
        if (enquiry.Decision is not null)
        {
            throw new RuleViolationException("The final decision is already recorded.");
        }

        enquiry.DraftReceivedOn = receivedOn;
        enquiry.CommentsDueOn = dueOn;
        enquiry.CommentsSentOn = null;
        AddCorrespondence(enquiry, Direction.In, receivedOn!.Value, "Draft decision", request.Document, context);
        outbox.Add(db, new DraftDecisionReceived
        {
            EnquiryId = enquiry.Id.ToString(),
            ReceivedOn = ToProto(receivedOn),
            CommentsDueOn = ToProto(dueOn),
        });
        return await SaveAsync(enquiry, calendar, today, context);
    }

    [Authorize(Roles = Access.Writers)]
    public override async Task<Enquiry> RecordDraftComments(RecordDraftCommentsRequest request, ServerCallContext context)
    {
        var (enquiry, calendar, today) = await PrepareAsync(request.EnquiryId, context);
        var v = new Validator();
        var sentOn = Happened(request.SentOn, "sent_on", v, today, enquiry.DraftReceivedOn ?? enquiry.ReceivedOn);
        v.NotBlank(request.Summary, "summary", 4000);
        ValidateDocument(request.Document, "document", v);
        v.ThrowIfInvalid();
        if (enquiry.DraftReceivedOn is null)
        {
            throw new RuleViolationException("No draft decision is recorded for this enquiry.");
        }
        if (enquiry.CommentsSentOn is not null)
        {
            throw new RuleViolationException("Comments on the draft decision are already recorded.");
        }

        enquiry.CommentsSentOn = sentOn;
        AddCorrespondence(enquiry, Direction.Out, sentOn!.Value, "Comments on the draft decision: " + request.Summary, request.Document, context);
        return await SaveAsync(enquiry, calendar, today, context);
    }
}
