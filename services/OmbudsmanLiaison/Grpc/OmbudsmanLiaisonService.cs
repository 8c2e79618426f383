using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Messaging.Outbox;
using ComplaintsPlatform.Ombudsman.V1;
using ComplaintsPlatform.OmbudsmanLiaison.Cases;
using ComplaintsPlatform.OmbudsmanLiaison.Data;
using ComplaintsPlatform.OmbudsmanLiaison.Domain;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Retention;
using Microsoft.EntityFrameworkCore;
using static ComplaintsPlatform.OmbudsmanLiaison.Domain.FactDates;
using Enquiry = ComplaintsPlatform.Ombudsman.V1.Enquiry;

namespace ComplaintsPlatform.OmbudsmanLiaison.Grpc;

/// <summary>
/// The link officer's workspace. Each command validates everything first (INVALID_ARGUMENT with every
/// bad field), then hands the change to the <see cref="Domain.Enquiry"/>, which refuses what the enquiry's
/// state does not allow (FAILED_PRECONDITION), then writes the change and its events in one SaveChanges.
/// </summary>
[Authorize(Roles = Access.Readers)]
public sealed partial class OmbudsmanLiaisonService(
    OmbudsmanLiaisonDbContext db, IOutbox outbox, CouncilCalendar calendars, ICaseDirectory cases, TimeProvider clock)
    : global::ComplaintsPlatform.Ombudsman.V1.OmbudsmanLiaison.OmbudsmanLiaisonBase
{
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

        var enquiry = Domain.Enquiry.Register(request.Ombudsman, request.OmbudsmanReference.Trim(), receivedOn!.Value, request.DirectorateId,
            councilCase?.CaseId, councilCase?.Reference ?? NullIfBlank(request.LegacyCaseReference), request.PreAllocation, request.Summary,
            Actor(context));
        db.Enquiries.Add(enquiry.Record);
        return await SaveAsync(enquiry, calendar, today, context);
    }

    [Authorize(Roles = Access.Writers)]
    public override async Task<Enquiry> LinkCase(LinkCaseRequest request, ServerCallContext context)
    {
        var (enquiry, calendar, today) = await PrepareAsync(request.EnquiryId, context);
        var v = new Validator();
        v.NotBlank(request.CaseReference, "case_reference", 100);
        v.ThrowIfInvalid();
        var councilCase = await cases.FindAsync(request.CaseReference.Trim(), context.CancellationToken)
            ?? throw new ValidationException([new FieldViolation("case_reference", "no council case has this reference")]);
        enquiry.LinkCase(councilCase.CaseId, councilCase.Reference);
        return await SaveAsync(enquiry, calendar, today, context);
    }

    public override async Task<Enquiry> GetEnquiry(GetEnquiryRequest request, ServerCallContext context)
    {
        var enquiry = await LoadAsync(request.EnquiryId, context, forWrite: false);
        ReadAudit.Add(db, Caller.From(context), clock.GetUtcNow(), nameof(GetEnquiry), AuditKinds.Enquiry, enquiry.Id.ToString(), caseId: enquiry.CaseId);
        await db.SaveChangesAsync(context.CancellationToken);
        var calendar = await calendars.GetAsync(db, context.CancellationToken);
        return EnquiryMapping.ToProto(enquiry, calendars.Today(calendar), calendar.Calendar);
    }

    [Authorize(Roles = Access.Writers)]
    public override async Task<Enquiry> RecordInformationRequest(RecordInformationRequestRequest request, ServerCallContext context)
    {
        var (enquiry, calendar, today) = await PrepareAsync(request.EnquiryId, context);
        var v = new Validator();
        var requestedOn = Happened(request.RequestedOn, "requested_on", v, today, enquiry.Record.ReceivedOn);
        var dueOn = Read(request.DueOn, "due_on", v, required: !enquiry.Record.PreAllocation);
        if (dueOn is { } due && requestedOn is { } asked && due < asked)
        {
            v.Add("due_on", "must not be before the request was received");
        }
        v.NotBlank(request.Summary, "summary", 4000);
        ValidateDocument(request.Document, "document", v);
        v.ThrowIfInvalid();
        enquiry.RecordInformationRequest(requestedOn!.Value, dueOn, request.Summary, EnquiryMapping.ToColumns(request.Document), calendar, Actor(context));
        return await SaveAsync(enquiry, calendar, today, context);
    }

    [Authorize(Roles = Access.Writers)]
    public override async Task<Enquiry> RecordReply(RecordReplyRequest request, ServerCallContext context)
    {
        var (enquiry, calendar, today) = await PrepareAsync(request.EnquiryId, context);
        var v = new Validator();
        var target = Guid.TryParse(request.RequestId, out var id) ? enquiry.Record.Requests.FirstOrDefault(r => r.Id == id) : null;
        v.Require(target is not null, "request_id", "is not a request of this enquiry");
        var repliedOn = Happened(request.RepliedOn, "replied_on", v, today, target?.RequestedOn ?? enquiry.Record.ReceivedOn);
        v.NotBlank(request.Summary, "summary", 4000);
        ValidateDocument(request.Document, "document", v);
        v.ThrowIfInvalid();
        enquiry.RecordReply(target!.Id, repliedOn!.Value, request.Summary, EnquiryMapping.ToColumns(request.Document), Actor(context));
        return await SaveAsync(enquiry, calendar, today, context);
    }

    [Authorize(Roles = Access.Writers)]
    public override async Task<Enquiry> RecordCorrespondence(RecordCorrespondenceRequest request, ServerCallContext context)
    {
        var (enquiry, calendar, today) = await PrepareAsync(request.EnquiryId, context);
        var v = new Validator();
        RequireKnown(request.Direction, "direction", v);
        var occurredOn = Happened(request.OccurredOn, "occurred_on", v, today, enquiry.Record.ReceivedOn);
        v.NotBlank(request.Summary, "summary", 4000);
        ValidateDocument(request.Document, "document", v);
        v.ThrowIfInvalid();

        enquiry.RecordCorrespondence(request.Direction, occurredOn!.Value, request.Summary, EnquiryMapping.ToColumns(request.Document), Actor(context));
        return await SaveAsync(enquiry, calendar, today, context);
    }

    [Authorize(Roles = Access.Writers)]
    public override async Task<Enquiry> RecordDraftDecision(RecordDraftDecisionRequest request, ServerCallContext context)
    {
        var (enquiry, calendar, today) = await PrepareAsync(request.EnquiryId, context);
        var v = new Validator();
        var receivedOn = Happened(request.ReceivedOn, "received_on", v, today, enquiry.Record.ReceivedOn);
        var dueOn = Read(request.CommentsDueOn, "comments_due_on", v);
        if (dueOn < receivedOn)
        {
            v.Add("comments_due_on", "must not be before the draft decision was received");
        }
        ValidateDocument(request.Document, "document", v);
        v.ThrowIfInvalid();
        enquiry.RecordDraftDecision(receivedOn!.Value, dueOn!.Value, EnquiryMapping.ToColumns(request.Document), Actor(context));
        return await SaveAsync(enquiry, calendar, today, context);
    }

    [Authorize(Roles = Access.Writers)]
    public override async Task<Enquiry> RecordDraftComments(RecordDraftCommentsRequest request, ServerCallContext context)
    {
        var (enquiry, calendar, today) = await PrepareAsync(request.EnquiryId, context);
        var v = new Validator();
        var sentOn = Happened(request.SentOn, "sent_on", v, today, enquiry.Record.DraftReceivedOn ?? enquiry.Record.ReceivedOn);
        v.NotBlank(request.Summary, "summary", 4000);
        ValidateDocument(request.Document, "document", v);
        v.ThrowIfInvalid();
        enquiry.RecordDraftComments(sentOn!.Value, request.Summary, EnquiryMapping.ToColumns(request.Document), Actor(context));
        return await SaveAsync(enquiry, calendar, today, context);
    }
}
