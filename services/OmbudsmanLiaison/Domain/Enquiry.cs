using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Ombudsman.V1;
using ComplaintsPlatform.OmbudsmanLiaison.Data;
using Google.Protobuf;
using static ComplaintsPlatform.OmbudsmanLiaison.Domain.FactDates;
using V1Ombudsman = ComplaintsPlatform.Ombudsman.V1.Ombudsman;

namespace ComplaintsPlatform.OmbudsmanLiaison.Domain;

/// <summary>
/// An Ombudsman enquiry's rules over its record, for live commands and imported history alike: what
/// its state allows (anything else is refused with a reason), the deadlines each fact sets, and the
/// events each change announces. Callers check the shape of their input first; this decides the rest.
/// The decision, the public interest report and recommendations are in the other part of this class.
/// </summary>
public sealed partial class Enquiry(EnquiryRecord record)
{
    /// <summary>A pre-allocation enquiry's requests are due this many working days after they arrive.</summary>
    public const int PreAllocationWorkingDays = 10;

    private const int MaxSummaryLength = 4000;

    private readonly List<IMessage> _events = [];
    private readonly List<object> _added = [];

    public EnquiryRecord Record { get; } = record;

    /// <summary>Events raised by the commands so far, for the caller's outbox.</summary>
    public IReadOnlyList<IMessage> PendingEvents => _events;

    /// <summary>Rows the commands so far created beside the enquiry (requests, letters, recommendations), for the caller to insert.</summary>
    public IReadOnlyList<object> AddedRecords => _added;

    /// <summary>
    /// A new enquiry, linked to the council's case when it has one (else it predates the platform,
    /// kept with the old reference if known). Whether the reference is already taken is the caller's to ask.
    /// </summary>
    public static Enquiry Register(V1Ombudsman ombudsman, string ombudsmanReference, DateOnly receivedOn, string directorateId,
        string? caseId, string? caseReference, bool preAllocation, string summary, Actor actor, bool imported = false)
    {
        var enquiry = new Enquiry(new EnquiryRecord
        {
            Id = Guid.CreateVersion7(),
            Ombudsman = ombudsman,
            OmbudsmanReference = ombudsmanReference,
            ReceivedOn = receivedOn,
            DirectorateId = directorateId,
            CaseId = caseId,
            CaseReference = caseReference,
            PredatesPlatform = caseId is null,
            PreAllocation = preAllocation,
            Summary = summary,
            RecordedAt = actor.Now,
            RecordedBy = actor.Id,
        });
        enquiry.Raise(EnquiryEvents.Received(enquiry.Record, imported));
        return enquiry;
    }

    /// <summary>
    /// The council's case, found after the enquiry was registered without one. An enquiry already
    /// linked to a platform case keeps it: a wrong link is a correction for the complaints team, not this.
    /// </summary>
    public void LinkCase(string caseId, string caseReference)
    {
        if (Record.CaseId is not null)
        {
            throw new RuleViolationException($"This enquiry is already linked to case {Record.CaseReference}.");
        }
        Record.CaseId = caseId;
        Record.CaseReference = caseReference;
        Record.PredatesPlatform = false;
        Raise(new EnquiryCaseLinked
        {
            EnquiryId = Record.Id.ToString(),
            Ombudsman = Record.Ombudsman,
            OmbudsmanReference = Record.OmbudsmanReference,
            CaseId = caseId,
            CaseReference = caseReference,
            ReceivedOn = ToProto(Record.ReceivedOn),
        });
    }

    /// <summary>
    /// A request for information, due when the Ombudsman says; a pre-allocation enquiry's request
    /// without a date is due <see cref="PreAllocationWorkingDays"/> working days after it arrived.
    /// </summary>
    public InformationRequestRecord RecordInformationRequest(DateOnly requestedOn, DateOnly? dueOn, string summary, DocumentColumns document,
        CouncilCalendar.Current calendar, Actor actor)
    {
        if (Record.IsDecided)
        {
            throw new RuleViolationException("The Ombudsman has decided this enquiry; record further letters as correspondence.");
        }
        if (dueOn is null && !Record.PreAllocation)
        {
            throw new RuleViolationException("Only a pre-allocation enquiry's request runs for working days; give the date the Ombudsman set.");
        }
        var workingDays = dueOn is null ? PreAllocationWorkingDays : 0;
        var request = new InformationRequestRecord
        {
            Id = Guid.CreateVersion7(),
            EnquiryId = Record.Id,
            RequestedOn = requestedOn,
            DueOn = dueOn ?? calendar.Calendar.AddWorkingDays(requestedOn, workingDays),
            WorkingDays = workingDays,
            CalendarVersion = workingDays > 0 ? calendar.Version : "",
            Summary = summary,
            RecordedAt = actor.Now,
            RecordedBy = actor.Id,
        };
        Record.Requests.Add(request);
        _added.Add(request);
        AddCorrespondence(Direction.In, requestedOn, "Request for information: " + summary, document, actor);
        Raise(DueEvent(request));
        return request;
    }

    /// <summary>A request counted in working days, moved onto a new calendar: the event announcing its new date, or null when it did not move.</summary>
    public static InformationRequestDue? RecomputeDue(InformationRequestRecord request, CouncilCalendar.Current calendar)
    {
        if (request.WorkingDays == 0 || request.RepliedOn is not null)
        {
            return null;
        }
        var due = calendar.Calendar.AddWorkingDays(request.RequestedOn, request.WorkingDays);
        request.CalendarVersion = calendar.Version;
        if (due == request.DueOn)
        {
            return null;
        }
        request.DueOn = due;
        return DueEvent(request);
    }

    public void RecordReply(Guid requestId, DateOnly repliedOn, string summary, DocumentColumns document, Actor actor)
    {
        var request = Record.Requests.FirstOrDefault(r => r.Id == requestId) ?? throw new NotFoundException($"Information request {requestId}");
        if (request.RepliedOn is not null)
        {
            throw new RuleViolationException($"This request was already answered on {request.RepliedOn:yyyy-MM-dd}.");
        }
        request.RepliedOn = repliedOn;
        request.Late = repliedOn > request.DueOn;
        AddCorrespondence(Direction.Out, repliedOn, "Reply: " + summary, document, actor);
        Raise(new InformationRequestAnswered
        {
            EnquiryId = Record.Id.ToString(),
            RequestId = request.Id.ToString(),
            DueOn = ToProto(request.DueOn),
            RepliedOn = ToProto(repliedOn),
            Late = request.Late,
        });
    }

    public void RecordCorrespondence(Direction direction, DateOnly occurredOn, string summary, DocumentColumns document, Actor actor) =>
        AddCorrespondence(direction, occurredOn, summary, document, actor);

    /// <summary>A draft decision (again, if the Ombudsman sends a new one): comments are due by the date it gives.</summary>
    public void RecordDraftDecision(DateOnly receivedOn, DateOnly commentsDueOn, DocumentColumns document, Actor actor)
    {
        if (Record.IsDecided)
        {
            throw new RuleViolationException("The final decision is already recorded.");
        }
        Record.DraftReceivedOn = receivedOn;
        Record.CommentsDueOn = commentsDueOn;
        Record.CommentsSentOn = null;
        AddCorrespondence(Direction.In, receivedOn, "Draft decision", document, actor);
        Raise(new DraftDecisionReceived
        {
            EnquiryId = Record.Id.ToString(),
            ReceivedOn = ToProto(receivedOn),
            CommentsDueOn = ToProto(commentsDueOn),
        });
    }

    public void RecordDraftComments(DateOnly sentOn, string summary, DocumentColumns document, Actor actor)
    {
        if (Record.DraftReceivedOn is null)
        {
            throw new RuleViolationException("No draft decision is recorded for this enquiry.");
        }
        if (Record.CommentsSentOn is not null)
        {
            throw new RuleViolationException("Comments on the draft decision are already recorded.");
        }
        Record.CommentsSentOn = sentOn;
        AddCorrespondence(Direction.Out, sentOn, "Comments on the draft decision: " + summary, document, actor);
    }

    private void AddCorrespondence(Direction direction, DateOnly occurredOn, string summary, DocumentColumns document, Actor actor)
    {
        var letter = new CorrespondenceRecord
        {
            Id = Guid.CreateVersion7(),
            EnquiryId = Record.Id,
            Direction = direction,
            OccurredOn = occurredOn,
            Summary = summary.Length > MaxSummaryLength ? summary[..MaxSummaryLength] : summary,
            Document = document,
            RecordedAt = actor.Now,
            RecordedBy = actor.Id,
        };
        Record.Correspondence.Add(letter);
        _added.Add(letter);
    }

    /// <summary>Forgets what the commands so far raised and created, once the caller has staged them.</summary>
    public void ClearPending()
    {
        _events.Clear();
        _added.Clear();
    }

    private static InformationRequestDue DueEvent(InformationRequestRecord request) => new()
    {
        EnquiryId = request.EnquiryId.ToString(),
        RequestId = request.Id.ToString(),
        RequestedOn = ToProto(request.RequestedOn),
        DueOn = ToProto(request.DueOn),
        CalendarVersion = request.CalendarVersion,
    };

    private void Raise(IMessage message) => _events.Add(message);
}
