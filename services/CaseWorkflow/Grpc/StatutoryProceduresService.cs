using ComplaintsPlatform.CaseWorkflow.Configuration;
using ComplaintsPlatform.CaseWorkflow.Domain.Cases;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Hosting.Identity;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using DomainCase = ComplaintsPlatform.CaseWorkflow.Domain.Cases.Case;
using V1Case = ComplaintsPlatform.CaseWorkflow.V1.Case;

namespace ComplaintsPlatform.CaseWorkflow.Grpc;

/// <summary>The statutory procedures' own steps; each rule lives in the Case aggregate (Case.Adult, Case.Children).</summary>
public sealed class StatutoryProceduresService(CaseWork work) : StatutoryProcedures.StatutoryProceduresBase
{
    private static readonly string[] s_teamOnly = [Roles.ComplaintsTeam];
    private static readonly string[] s_teamOrHandler = [Roles.ComplaintsTeam, Roles.Handler];

    [Authorize(Roles = Roles.ComplaintsTeam + "," + Roles.Handler)]
    public override Task<V1Case> AgreeResponsePeriod(AgreeResponsePeriodRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var due = CalendarService.ToDateOnly(request.AgreedDue, "agreed_due", v);
        var on = Optional(request.OccurredOn, "occurred_on", v);
        v.ThrowIfInvalid();
        return ChangeAsync(context, request.CaseId, nameof(AgreeResponsePeriod), s_teamOrHandler, (c, r, a) => c.AgreeResponsePeriod(due, on, r, a));
    }

    [Authorize(Roles = Roles.ComplaintsTeam + "," + Roles.Handler)]
    public override Task<V1Case> ExtendBackstop(ExtendBackstopRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var due = CalendarService.ToDateOnly(request.NewDue, "new_due", v);
        var on = Optional(request.OccurredOn, "occurred_on", v);
        v.ThrowIfInvalid();
        return ChangeAsync(context, request.CaseId, nameof(ExtendBackstop), s_teamOrHandler, (c, r, a) => c.ExtendBackstop(due, on, r, a));
    }

    [Authorize(Roles = Roles.ComplaintsTeam + "," + Roles.Handler)]
    public override Task<V1Case> RecordDelayReasons(RecordDelayReasonsRequest request, ServerCallContext context)
    {
        new Validator().NotBlank(request.Reasons, "reasons", 4000).ThrowIfInvalid();
        return ChangeAsync(context, request.CaseId, nameof(RecordDelayReasons), s_teamOrHandler, (c, r, a) => c.RecordDelayReasons(request.Reasons, r, a));
    }

    [Authorize(Roles = Roles.ComplaintsTeam)]
    public override Task<V1Case> RecordEligibility(RecordEligibilityRequest request, ServerCallContext context)
    {
        var v = new Validator();
        v.Require(request.Eligibility != Eligibility.Unspecified, "eligibility", "is required");
        v.Require(System.Enum.IsDefined(request.Eligibility), "eligibility", "is not a known eligibility");
        var on = Optional(request.OccurredOn, "occurred_on", v);
        v.ThrowIfInvalid();
        return ChangeAsync(context, request.CaseId, nameof(RecordEligibility), s_teamOnly, (c, r, a) => c.RecordEligibility(request.Eligibility, on, r, a));
    }

    [Authorize(Roles = Roles.ComplaintsTeam + "," + Roles.Handler)]
    public override Task<V1Case> RecordAdvocacyOffer(RecordAdvocacyOfferRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var on = Optional(request.OccurredOn, "occurred_on", v);
        v.ThrowIfInvalid();
        return ChangeAsync(context, request.CaseId, nameof(RecordAdvocacyOffer), s_teamOrHandler, (c, r, a) => c.RecordAdvocacyOffer(request.Accepted, on, r, a));
    }

    [Authorize(Roles = Roles.ComplaintsTeam + "," + Roles.Handler)]
    public override Task<V1Case> RaiseSafeguardingConcern(CaseStepRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var on = Optional(request.OccurredOn, "occurred_on", v);
        v.ThrowIfInvalid();
        return ChangeAsync(context, request.CaseId, nameof(RaiseSafeguardingConcern), s_teamOrHandler, (c, r, a) => c.RaiseSafeguardingConcern(on, r, a));
    }

    [Authorize(Roles = Roles.ComplaintsTeam)]
    public override Task<V1Case> AppointIndependentPerson(AppointIndependentPersonRequest request, ServerCallContext context)
    {
        var v = new Validator().NotBlank(request.IndependentPersonId, "independent_person_id", 200);
        var on = Optional(request.OccurredOn, "occurred_on", v);
        v.ThrowIfInvalid();
        return ChangeAsync(context, request.CaseId, nameof(AppointIndependentPerson), s_teamOnly,
            (c, r, a) => c.AppointIndependentPerson(request.IndependentPersonId, on, r, a));
    }

    [Authorize(Roles = Roles.ComplaintsTeam + "," + Roles.Handler)]
    public override Task<V1Case> RecordAgreedComplaint(RecordAgreedComplaintRequest request, ServerCallContext context)
    {
        var v = new Validator().NotBlank(request.Text, "text", 20000);
        var on = Optional(request.OccurredOn, "occurred_on", v);
        v.ThrowIfInvalid();
        return ChangeAsync(context, request.CaseId, nameof(RecordAgreedComplaint), s_teamOrHandler, (c, r, a) => c.RecordAgreedComplaint(request.Text, on, r, a));
    }

    [Authorize(Roles = Roles.ComplaintsTeam)]
    public override Task<V1Case> AppointPanel(AppointPanelRequest request, ServerCallContext context)
    {
        var v = new Validator();
        for (var i = 0; i < request.MemberIds.Count; i++)
        {
            v.NotBlank(request.MemberIds[i], $"member_ids[{i}]", 200);
        }
        var on = Optional(request.OccurredOn, "occurred_on", v);
        v.ThrowIfInvalid();
        return ChangeAsync(context, request.CaseId, nameof(AppointPanel), s_teamOnly, (c, r, a) => c.AppointPanel(request.MemberIds.ToList(), on, r, a));
    }

    [Authorize(Roles = Roles.ComplaintsTeam)]
    public override Task<V1Case> RecordPanelMeeting(CaseStepRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var on = Optional(request.OccurredOn, "occurred_on", v);
        v.ThrowIfInvalid();
        return ChangeAsync(context, request.CaseId, nameof(RecordPanelMeeting), s_teamOnly, (c, r, a) => c.RecordPanelMeeting(on, r, a));
    }

    [Authorize(Roles = Roles.ComplaintsTeam)]
    public override Task<V1Case> RecordPanelReport(CaseStepRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var on = Optional(request.OccurredOn, "occurred_on", v);
        v.ThrowIfInvalid();
        return ChangeAsync(context, request.CaseId, nameof(RecordPanelReport), s_teamOnly, (c, r, a) => c.RecordPanelReport(on, r, a));
    }

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

    private static DateOnly? Optional(Google.Type.Date? date, string field, Validator v) =>
        date is null ? null : CalendarService.ToDateOnly(date, field, v);
}
