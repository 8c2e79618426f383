using ComplaintsPlatform.CaseWorkflow.Configuration;
using ComplaintsPlatform.CaseWorkflow.Data;
using ComplaintsPlatform.CaseWorkflow.Domain.Cases;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Hosting.Identity;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using DomainCase = ComplaintsPlatform.CaseWorkflow.Domain.Cases.Case;
using V1Case = ComplaintsPlatform.CaseWorkflow.V1.Case;

namespace ComplaintsPlatform.CaseWorkflow.Grpc;

/// <summary>The complaints team's and handlers' work on cases. Every rule with weight lives in the Case aggregate.</summary>
public sealed partial class CasesService(
    CaseWorkflowDbContext db, CaseWork work, CaseRulesSource rules, CouncilState state) : Cases.CasesBase
{
    private static readonly string[] s_teamOnly = [Roles.ComplaintsTeam];
    private static readonly string[] s_teamOrHandler = [Roles.ComplaintsTeam, Roles.Handler];

    [Authorize(Roles = Roles.ComplaintsTeam)]
    public override async Task<V1Case> OpenCase(OpenCaseRequest request, ServerCallContext context)
    {
        var v = new Validator();
        v.Require(request.Stream != ComplaintStream.Unspecified, "stream", "is required");
        v.Require(System.Enum.IsDefined(request.Stream), "stream", "is not a known stream");
        v.Require(request.ReceivedAt is not null, "received_at", "is required");
        var directorate = request.ServiceAreaId.Length == 0 ? "" : Directory.DirectorateOf(request.ServiceAreaId, "service_area_id", v);
        v.Require(request.Reference.Length <= 100, "reference", "must be at most 100 characters");
        v.ThrowIfInvalid();
        if (request.ContactId.Length > 0 && await db.Cases.AnyAsync(c => c.ContactId == request.ContactId, context.CancellationToken))
        {
            throw new AlreadyExistsException($"A case for contact {request.ContactId}");
        }
        var caseRules = rules.ForNewCase(request.Stream);
        var actor = new Actor(Caller.From(context).Subject, Roles.ComplaintsTeam, rules.Now);
        var reference = request.Reference.Length > 0 ? request.Reference : NewReference(actor.Now);
        var opened = DomainCase.Open(Guid.CreateVersion7(), reference, request.ContactId, request.PersonId, request.ServiceAreaId,
            directorate, request.ReceivedAt!.ToDateTimeOffset(), fromIntake: false, caseRules, actor);
        var record = new CaseRecord();
        db.Cases.Add(record);
        try
        {
            await work.SaveAsync(record, opened, actor, nameof(OpenCase), context.CancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            throw new AlreadyExistsException($"A case with reference {reference} or for contact {request.ContactId}");
        }
        return CaseMapping.ToProto(opened, record.VisibleRevision, caseRules.Today);
    }

    [Authorize(Roles = Roles.ComplaintsTeam)]
    public override Task<V1Case> Acknowledge(AcknowledgeRequest request, ServerCallContext context)
    {
        var v = new Validator().NotBlank(request.About, "about", 10000).NotBlank(request.OutcomeSought, "outcome_sought", 10000);
        var happened = OptionalDate(request.MatterHappenedOn, "matter_happened_on", v);
        var on = OptionalDate(request.OccurredOn, "occurred_on", v);
        v.ThrowIfInvalid();
        return ChangeAsync(context, request.CaseId, nameof(Acknowledge), s_teamOnly,
            (c, r, a) => c.Acknowledge(request.About, request.OutcomeSought, happened, on, r, a, request.DiscussionOffered, request.DiscussionAccepted,
                NotifyPerson(request.HasNotifyPerson, request.NotifyPerson)));
    }

    [Authorize(Roles = Roles.ComplaintsTeam)]
    public override Task<V1Case> DefineIssue(DefineIssueRequest request, ServerCallContext context)
    {
        var v = new Validator().NotBlank(request.Summary, "summary", 2000);
        var on = OptionalDate(request.OccurredOn, "occurred_on", v);
        v.ThrowIfInvalid();
        return ChangeAsync(context, request.CaseId, nameof(DefineIssue), s_teamOnly, (c, r, a) => c.DefineIssue(request.Summary, on, r, a));
    }

    [Authorize(Roles = Roles.ComplaintsTeam)]
    public override Task<V1Case> Allocate(AllocateRequest request, ServerCallContext context)
    {
        var v = new Validator();
        v.Require(System.Enum.IsDefined(request.Reason), "reason", "is not a known re-allocation reason");
        var directorate = Directory.DirectorateOf(request.ServiceAreaId, "service_area_id", v);
        Directory.CheckTeamAndHandler(request.ServiceAreaId, request.TeamId, request.HandlerId, v);
        var on = OptionalDate(request.OccurredOn, "occurred_on", v);
        v.ThrowIfInvalid();
        return ChangeAsync(context, request.CaseId, nameof(Allocate), s_teamOnly,
            (c, r, a) => c.Allocate(directorate, request.ServiceAreaId, request.TeamId, request.HandlerId, request.Reason, on, r, a));
    }

    [Authorize(Roles = Roles.ComplaintsTeam + "," + Roles.Handler)]
    public override Task<V1Case> Extend(ExtendRequest request, ServerCallContext context)
    {
        var v = new Validator().NotBlank(request.Reason, "reason", 4000);
        v.Require(request.WorkingDays > 0, "working_days", "must be positive");
        var on = OptionalDate(request.OccurredOn, "occurred_on", v);
        v.Require(System.Enum.IsDefined(request.PersonToldBy), "person_told_by", "is not a known way of telling the person");
        var toldOn = OptionalDate(request.PersonToldOn, "person_told_on", v);
        v.Require((request.PersonToldBy == NoticeChannel.Unspecified) == (toldOn is null), "person_told_on",
            "goes with person_told_by: record both how and when the person was told, or neither");
        v.ThrowIfInvalid();
        var told = toldOn is { } day ? new PersonTold(request.PersonToldBy, day) : null;
        return ChangeAsync(context, request.CaseId, nameof(Extend), s_teamOrHandler,
            (c, r, a) => c.Extend(request.WorkingDays, request.Reason, request.SendNotice, on, r, a,
                NotifyPerson(request.HasNotifyPerson, request.NotifyPerson), told));
    }

    [Authorize(Roles = Roles.ComplaintsTeam + "," + Roles.Handler)]
    public override Task<V1Case> DraftResponse(DraftResponseRequest request, ServerCallContext context)
    {
        var v = new Validator().NotBlank(request.Text, "text", 100000);
        CheckFindings(request.Overall, request.Findings, v);
        v.ThrowIfInvalid();
        return ChangeAsync(context, request.CaseId, nameof(DraftResponse), s_teamOrHandler,
            (c, r, a) => c.DraftResponse(Findings(request.Findings), request.Overall, request.Text, r, a));
    }

    [Authorize(Roles = Roles.ComplaintsTeam)]
    public override Task<V1Case> ReviewResponse(ReviewResponseRequest request, ServerCallContext context)
    {
        new Validator().MaxLength(request.Comments, "comments", 10000).ThrowIfInvalid();
        return ChangeAsync(context, request.CaseId, nameof(ReviewResponse), s_teamOnly,
            (c, r, a) => c.ReviewResponse(request.Approve, request.Comments, r, a));
    }

    [Authorize(Roles = Roles.ComplaintsTeam + "," + Roles.Handler)]
    public override Task<V1Case> RecordResponse(RecordResponseRequest request, ServerCallContext context)
    {
        var v = new Validator().MaxLength(request.Text, "text", 100000);
        CheckFindings(request.Overall, request.Findings, v);
        var inline = request.Findings.Count > 0 || request.Overall != Finding.Unspecified;
        v.Require(!inline || !string.IsNullOrWhiteSpace(request.Text), "text", "is required with findings");
        var on = OptionalDate(request.OccurredOn, "occurred_on", v);
        v.ThrowIfInvalid();
        return ChangeAsync(context, request.CaseId, nameof(RecordResponse), s_teamOrHandler,
            (c, r, a) => c.SendResponse(inline ? Findings(request.Findings) : null, request.Overall, request.Text, on, r, a,
                NotifyPerson(request.HasNotifyPerson, request.NotifyPerson)));
    }

    [Authorize(Roles = Roles.ComplaintsTeam + "," + Roles.Handler)]
    public override async Task<V1Case> RecordResponseDelay(RecordResponseDelayRequest request, ServerCallContext context)
    {
        var v = new Validator().NotBlank(request.Reason, "reason", 4000);
        var expected = RequiredDate(request.ExpectedOn, "expected_on", v);
        var on = OptionalDate(request.OccurredOn, "occurred_on", v);
        v.ThrowIfInvalid();
        var delayed = await ChangeAsync(context, request.CaseId, nameof(RecordResponseDelay), s_teamOrHandler, (c, r, a) =>
        {
            c.RecordResponseDelay(request.Reason, expected, on, r, a, NotifyPerson(request.HasNotifyPerson, request.NotifyPerson));
        });
        // The task the missed deadline put on the queue is done (its own statement: the case is already saved).
        var caseId = Guid.Parse(delayed.Id);
        var now = rules.Now;
        await db.Reminders.Where(t => t.CaseId == caseId && t.Kind == (int)ReminderKind.RecordDelay && t.DoneAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.DoneAt, now), context.CancellationToken);
        return delayed;
    }

    [Authorize(Roles = Roles.ComplaintsTeam)]
    public override Task<V1Case> EndCase(EndCaseRequest request, ServerCallContext context)
    {
        var v = new Validator();
        v.Require(request.Ending is CaseEnding.Withdrawn or CaseEnding.ResolvedEarly or CaseEnding.NoWrittenResponse or CaseEnding.ResolvedOrally,
            "ending", "must be WITHDRAWN, RESOLVED_EARLY, NO_WRITTEN_RESPONSE or RESOLVED_ORALLY");
        v.MaxLength(request.Note, "note", 10000);
        var on = OptionalDate(request.OccurredOn, "occurred_on", v);
        v.ThrowIfInvalid();
        return ChangeAsync(context, request.CaseId, nameof(EndCase), s_teamOnly, (c, r, a) => c.End(request.Ending, request.Note, on, r, a));
    }

    [Authorize(Roles = Roles.ComplaintsTeam)]
    public override Task<V1Case> RequestEscalation(RequestEscalationRequest request, ServerCallContext context)
    {
        var v = new Validator().MaxLength(request.Reasons, "reasons", 10000);
        var on = OptionalDate(request.OccurredOn, "occurred_on", v);
        var at = OptionalInstant(request.RequestedAt, "requested_at", v);
        v.ThrowIfInvalid();
        return ChangeAsync(context, request.CaseId, nameof(RequestEscalation), s_teamOnly,
            (c, r, a) => c.RequestEscalation(request.Reasons, on, r, a, at));
    }

    [Authorize(Roles = Roles.ComplaintsTeam)]
    public override Task<V1Case> AcceptEscalation(AcceptEscalationRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var on = OptionalDate(request.OccurredOn, "occurred_on", v);
        v.ThrowIfInvalid();
        return ChangeAsync(context, request.CaseId, nameof(AcceptEscalation), s_teamOnly, (c, r, a) => c.AcceptEscalation(on, r, a));
    }

    [Authorize(Roles = Roles.ComplaintsTeam)]
    public override Task<V1Case> RefuseEscalation(RefuseEscalationRequest request, ServerCallContext context)
    {
        var v = new Validator().NotBlank(request.Explanation, "explanation", 10000);
        Directory.CheckListCode("escalation_refusal_reasons", request.ReasonCode, "reason_code", v);
        var on = OptionalDate(request.OccurredOn, "occurred_on", v);
        v.ThrowIfInvalid();
        return ChangeAsync(context, request.CaseId, nameof(RefuseEscalation), s_teamOnly,
            (c, r, a) => c.RefuseEscalation(request.ReasonCode, request.Explanation, on, r, a, NotifyPerson(request.HasNotifyPerson, request.NotifyPerson)));
    }

    [Authorize(Roles = Roles.ComplaintsTeam + "," + Roles.Handler)]
    public override Task<V1Case> AddRemedy(AddRemedyRequest request, ServerCallContext context)
    {
        var v = new Validator().NotBlank(request.Description, "description", 4000).NotBlank(request.OwnerId, "owner_id", 200);
        Directory.CheckListCode("remedy_types", request.TypeCode, "type_code", v);
        v.Require(request.AmountPence >= 0, "amount_pence", "cannot be negative");
        var due = RequiredDate(request.Due, "due", v);
        var on = OptionalDate(request.OccurredOn, "occurred_on", v);
        v.ThrowIfInvalid();
        return ChangeAsync(context, request.CaseId, nameof(AddRemedy), s_teamOrHandler,
            (c, r, a) => c.AddRemedy(request.TypeCode, request.Description, request.AmountPence, request.OwnerId, due, on, r, a));
    }

    [Authorize(Roles = Roles.ComplaintsTeam + "," + Roles.Handler)]
    public override Task<V1Case> CompleteRemedy(CompleteRemedyRequest request, ServerCallContext context)
    {
        var v = new Validator().NotBlank(request.RemedyId, "remedy_id");
        var on = OptionalDate(request.OccurredOn, "occurred_on", v);
        v.ThrowIfInvalid();
        return ChangeAsync(context, request.CaseId, nameof(CompleteRemedy), s_teamOrHandler,
            (c, r, a) => c.CompleteRemedy(request.RemedyId, on, r, a));
    }

    [Authorize(Roles = Roles.ComplaintsTeam + "," + Roles.Handler)]
    public override Task<V1Case> RecordLearning(RecordLearningRequest request, ServerCallContext context)
    {
        var v = new Validator().NotBlank(request.RootCause, "root_cause", 4000).NotBlank(request.Lessons, "lessons", 10000);
        Directory.CheckListCode("nature_categories", request.NatureCategory, "nature_category", v);
        var actions = request.Actions.Select((a, i) => new LearningActionRecord(
            a.Description, a.OwnerId, RequiredDate(a.Due, $"actions[{i}].due", v), OptionalDate(a.DoneOn, $"actions[{i}].done_on", v))).ToList();
        for (var i = 0; i < request.Actions.Count; i++)
        {
            v.NotBlank(request.Actions[i].Description, $"actions[{i}].description", 2000).NotBlank(request.Actions[i].OwnerId, $"actions[{i}].owner_id", 200);
        }
        var on = OptionalDate(request.OccurredOn, "occurred_on", v);
        v.ThrowIfInvalid();
        return ChangeAsync(context, request.CaseId, nameof(RecordLearning), s_teamOrHandler,
            (c, r, a) => c.RecordLearning(request.NatureCategory, request.RootCause, request.Lessons, actions, on, r, a));
    }

    [Authorize(Roles = Roles.ComplaintsTeam + "," + Roles.ServiceLead)]
    public override async Task<V1Case> ReviewLearning(ReviewLearningRequest request, ServerCallContext context)
    {
        var v = new Validator().MaxLength(request.Comments, "comments", 10000);
        var on = OptionalDate(request.OccurredOn, "occurred_on", v);
        v.ThrowIfInvalid();
        var caller = Caller.From(context);
        var role = "";
        var reviewed = await ChangeAsync(context, request.CaseId, nameof(ReviewLearning), [Roles.ComplaintsTeam, Roles.ServiceLead],
            (c, r, a) =>
            {
                role = a.Role;
                c.ReviewLearning(Directory.ServiceAreasOf(caller), request.Comments, on, r, a);
            });
        // A service lead reviews lessons; the rest of the case is not theirs to be handed.
        return role == Roles.ServiceLead ? LearningReviewOnly(reviewed) : reviewed;
    }

    private static V1Case LearningReviewOnly(V1Case c) => new()
    {
        Id = c.Id,
        Reference = c.Reference,
        Revision = c.Revision,
        Learning = new Learning
        {
            ReviewedBy = c.Learning.ReviewedBy,
            ReviewedOn = c.Learning.ReviewedOn,
            ReviewComments = c.Learning.ReviewComments,
        },
    };

    private async Task<V1Case> ChangeAsync(ServerCallContext context, string caseId, string action, IReadOnlyCollection<string> roles,
        Action<DomainCase, CaseRules, Actor> change)
    {
        var today = default(DateOnly);
        var (record, c) = await work.ChangeAsync(context, caseId, action, roles, (c, r, a) =>
        {
            today = r.Today;
            change(c, r, a);
            return Task.CompletedTask;
        });
        return CaseMapping.ToProto(c, record.VisibleRevision, today);
    }

    private CouncilDirectoryLookup Directory => new(state.Current.Configuration);

    private static void CheckFindings(Finding overall, IReadOnlyList<IssueFinding> findings, Validator v)
    {
        v.Require(System.Enum.IsDefined(overall), "overall", "is not a known finding");
        for (var i = 0; i < findings.Count; i++)
        {
            v.Require(System.Enum.IsDefined(findings[i].Finding), $"findings[{i}].finding", "is not a known finding");
            v.Require(findings[i].IssueId.Length <= 100, $"findings[{i}].issue_id", "must be at most 100 characters");
        }
    }

    private static Dictionary<string, Finding> Findings(IEnumerable<IssueFinding> findings) =>
        findings.GroupBy(f => f.IssueId).ToDictionary(g => g.Key, g => g.Last().Finding);

    private static DateOnly? OptionalDate(Google.Type.Date? date, string field, Validator v) =>
        date is null ? null : CalendarService.ToDateOnly(date, field, v);

    private static bool? NotifyPerson(bool given, bool value) => given ? value : null;

    private static DateTimeOffset? OptionalInstant(Google.Protobuf.WellKnownTypes.Timestamp? instant, string field, Validator v)
    {
        if (instant is null)
        {
            return null;
        }
        var valid = instant.Seconds is >= -62135596800 and <= 253402300799 && instant.Nanos is >= 0 and < 1_000_000_000;
        v.Require(valid, field, "is not a valid instant");
        return valid ? instant.ToDateTimeOffset() : null;
    }

    private static DateOnly RequiredDate(Google.Type.Date? date, string field, Validator v) =>
        CalendarService.ToDateOnly(date, field, v);

    private static string NewReference(DateTimeOffset now) =>
        $"CW-{now:yyyyMMdd}-{Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3))}";
}
