using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Web.Components;
using ComplaintsPlatform.Web.Infrastructure;
using ComplaintsPlatform.Web.Staff;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Date = Google.Type.Date;

namespace ComplaintsPlatform.Web.Pages.Staff.Cases;

/// <summary>
/// One action on a case as a form: only the actions the service offers this officer, the service's own
/// validation messages, and the revision the officer read, so a change by someone else since is refused
/// (ABORTED) with what they typed kept.
/// </summary>
public sealed partial class ActionModel(StaffTokens tokens, StaffDirectory directory, CaseWorkflow.V1.Cases.CasesClient cases,
    OfficerWork.OfficerWorkClient officerWork, StatutoryProcedures.StatutoryProceduresClient statutory) : StaffPage(tokens, directory)
{
    public const string Changed = "This case changed since you opened it. Check the case, then submit again: what you typed is kept.";

    public CaseWorkflow.V1.Case Case { get; private set; } = new();

    public CaseAction Action { get; private set; }

    public bool Stale { get; private set; }

    [BindProperty] public int ExpectedRevision { get; set; }
    [BindProperty] public string? About { get; set; }
    [BindProperty] public string? OutcomeSought { get; set; }
    [BindProperty] public DateParts MatterHappenedOn { get; set; } = new();
    [BindProperty] public DateParts OccurredOn { get; set; } = new();
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public string? ServiceAreaId { get; set; }
    [BindProperty] public string? TeamId { get; set; }
    [BindProperty] public string? HandlerId { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? WorkingDays { get; set; }
    [BindProperty] public List<string> SendNotice { get; set; } = [];
    [BindProperty] public string? Minutes { get; set; }
    [BindProperty] public string? ActivityCode { get; set; }
    [BindProperty] public Dictionary<string, string> Findings { get; set; } = [];
    [BindProperty] public string? Overall { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? Decision { get; set; }
    [BindProperty] public string? Comments { get; set; }
    [BindProperty] public string? Ending { get; set; }
    [BindProperty] public string? ReasonCode { get; set; }
    [BindProperty] public string? TypeCode { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? Amount { get; set; }
    [BindProperty] public string? OwnerId { get; set; }
    [BindProperty] public DateParts Due { get; set; } = new();
    [BindProperty] public DateParts ExpectedOn { get; set; } = new();
    [BindProperty] public string? RemedyId { get; set; }
    [BindProperty] public string? NatureCategory { get; set; }
    [BindProperty] public string? RootCause { get; set; }
    [BindProperty] public string? Lessons { get; set; }
    [BindProperty] public string? ActionDescription { get; set; }
    [BindProperty] public string? ActionOwnerId { get; set; }
    [BindProperty] public DateParts ActionDue { get; set; } = new();
    [BindProperty] public string? DiscussionOffered { get; set; }
    [BindProperty] public string? DiscussionAccepted { get; set; }
    [BindProperty] public DateParts AgreedDue { get; set; } = new();
    [BindProperty] public DateParts NewDue { get; set; } = new();
    [BindProperty] public string? Eligibility { get; set; }
    [BindProperty] public string? Accepted { get; set; }
    [BindProperty] public string? IndependentPersonId { get; set; }
    [BindProperty] public string? Member1 { get; set; }
    [BindProperty] public string? Member2 { get; set; }
    [BindProperty] public string? Member3 { get; set; }

    public async Task<IActionResult> OnGetAsync(string caseId, string step)
    {
        if (await LoadAsync(caseId, step) is { } refused)
        {
            return refused;
        }
        ExpectedRevision = Case.Revision;
        SendNotice = ["yes"];
        ServiceAreaId = Case.ServiceAreaId;
        TeamId = Case.TeamId;
        if (Action == CaseAction.SendResponse && Case.Stages.LastOrDefault()?.Response is { } draft)
        {
            Text = draft.Text;
            Overall = draft.Overall.ToString();
            foreach (var f in draft.Findings)
            {
                Findings[f.IssueId] = f.Finding.ToString();
            }
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string caseId, string step)
    {
        if (await LoadAsync(caseId, step) is { } refused)
        {
            return refused;
        }
        try
        {
            if (ModelState.IsValid)
            {
                await SubmitAsync(caseId);
                return Redirect($"{Links.Staff.Case(caseId)}?done={CaseText.Slug(Action)}");
            }
        }
        catch (RpcException ex) when (ex.StatusCode == Grpc.Core.StatusCode.InvalidArgument)
        {
            var violations = ServiceErrors.Violations(ex);
            if (violations.Count > 0 && !ServiceErrors.AddTo(ModelState, violations, Inputs))
            {
                ModelState.AddModelError("", ex.Status.Detail);
            }
        }
        catch (RpcException ex) when (ex.StatusCode == Grpc.Core.StatusCode.FailedPrecondition)
        {
            ModelState.AddModelError("", ex.Status.Detail); // the rule's own words
        }
        catch (RpcException ex) when (ex.StatusCode == Grpc.Core.StatusCode.Aborted)
        {
            // Someone else changed the case: keep what was typed, and submit against the case as it is now.
            Stale = true;
            ExpectedRevision = Case.Revision;
            ModelState.AddModelError("", Changed);
        }
        ViewData["HasErrors"] = true;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string caseId, string slug)
    {
        Case = await cases.GetCaseAsync(new GetCaseRequest { CaseId = caseId }, Call);
        if (CaseText.FromSlug(slug) is not { } action)
        {
            return NotFound();
        }
        Action = action;
        foreach (var issue in Case.Issues)
        {
            Findings.TryAdd(issue.Id, ""); // each issue's radios read their own entry
        }
        return Case.AvailableActions.Contains(action)
            ? null
            : Refuse("You cannot do this now", $"{CaseText.Action(action)} is not open to you on case {Case.Reference} now.");
    }

    private Task SubmitAsync(string caseId) => Action switch
    {
        CaseAction.Acknowledge => cases.AcknowledgeAsync(new AcknowledgeRequest
        {
            CaseId = caseId, About = About ?? "", OutcomeSought = OutcomeSought ?? "", MatterHappenedOn = DateOf(MatterHappenedOn, nameof(MatterHappenedOn)),
            OccurredOn = On, ExpectedRevision = ExpectedRevision, DiscussionOffered = DiscussionOffered == "yes", DiscussionAccepted = DiscussionAccepted == "yes",
        }, Call).ResponseAsync,
        CaseAction.DefineIssue => cases.DefineIssueAsync(new DefineIssueRequest
        {
            CaseId = caseId, Summary = Summary ?? "", OccurredOn = On, ExpectedRevision = ExpectedRevision,
        }, Call).ResponseAsync,
        CaseAction.Allocate or CaseAction.Reallocate => cases.AllocateAsync(new AllocateRequest
        {
            CaseId = caseId, ServiceAreaId = ServiceAreaId ?? "", TeamId = TeamId ?? "", HandlerId = HandlerId ?? "",
            Reason = Enum.TryParse<ReallocationReason>(Reason, out var reason) ? reason : ReallocationReason.Unspecified,
            Note = Note ?? "", OccurredOn = On, ExpectedRevision = ExpectedRevision,
        }, Call).ResponseAsync,
        CaseAction.Extend => cases.ExtendAsync(new ExtendRequest
        {
            CaseId = caseId, WorkingDays = Number(WorkingDays, nameof(WorkingDays)), Reason = Reason ?? "", SendNotice = SendNotice.Contains("yes"),
            OccurredOn = On, ExpectedRevision = ExpectedRevision,
        }, Call).ResponseAsync,
        CaseAction.LogTime => officerWork.LogTimeAsync(new LogTimeRequest
        {
            CaseId = caseId, Minutes = Number(Minutes, nameof(Minutes)), ActivityCode = ActivityCode ?? "", WorkedOn = On,
        }, Call).ResponseAsync,
        CaseAction.DraftResponse => cases.DraftResponseAsync(new DraftResponseRequest
        {
            CaseId = caseId, Findings = { IssueFindings() }, Overall = FindingOf(Overall), Text = Text ?? "", ExpectedRevision = ExpectedRevision,
        }, Call).ResponseAsync,
        CaseAction.ReviewResponse => cases.ReviewResponseAsync(new ReviewResponseRequest
        {
            CaseId = caseId, Approve = Decision == "approve", Comments = Comments ?? "", ExpectedRevision = ExpectedRevision,
        }, Call).ResponseAsync,
        CaseAction.SendResponse => cases.RecordResponseAsync(SendRequest(caseId), Call).ResponseAsync,
        CaseAction.RecordResponseDelay => cases.RecordResponseDelayAsync(new RecordResponseDelayRequest
        {
            CaseId = caseId, Reason = Reason ?? "", ExpectedOn = DateOf(ExpectedOn, nameof(ExpectedOn)), OccurredOn = On, ExpectedRevision = ExpectedRevision,
        }, Call).ResponseAsync,
        CaseAction.EndCase => cases.EndCaseAsync(new EndCaseRequest
        {
            CaseId = caseId, Ending = Enum.TryParse<CaseEnding>(Ending, out var ending) ? ending : CaseEnding.Unspecified, Note = Note ?? "",
            OccurredOn = On, ExpectedRevision = ExpectedRevision,
        }, Call).ResponseAsync,
        CaseAction.RequestEscalation => cases.RequestEscalationAsync(new RequestEscalationRequest
        {
            CaseId = caseId, Reasons = Text ?? "", OccurredOn = On, ExpectedRevision = ExpectedRevision,
        }, Call).ResponseAsync,
        CaseAction.AcceptEscalation => cases.AcceptEscalationAsync(new AcceptEscalationRequest
        {
            CaseId = caseId, OccurredOn = On, ExpectedRevision = ExpectedRevision,
        }, Call).ResponseAsync,
        CaseAction.RefuseEscalation => cases.RefuseEscalationAsync(new RefuseEscalationRequest
        {
            CaseId = caseId, ReasonCode = ReasonCode ?? "", Explanation = Text ?? "", OccurredOn = On, ExpectedRevision = ExpectedRevision,
        }, Call).ResponseAsync,
        CaseAction.AddRemedy => cases.AddRemedyAsync(new AddRemedyRequest
        {
            CaseId = caseId, TypeCode = TypeCode ?? "", Description = Description ?? "", AmountPence = Pence(Amount), OwnerId = OwnerId ?? "",
            Due = DateOf(Due, nameof(Due)), OccurredOn = On, ExpectedRevision = ExpectedRevision,
        }, Call).ResponseAsync,
        CaseAction.CompleteRemedy => cases.CompleteRemedyAsync(new CompleteRemedyRequest
        {
            CaseId = caseId, RemedyId = RemedyId ?? "", OccurredOn = On, ExpectedRevision = ExpectedRevision,
        }, Call).ResponseAsync,
        CaseAction.RecordLearning => cases.RecordLearningAsync(LearningRequest(caseId), Call).ResponseAsync,
        CaseAction.ReviewLearning => cases.ReviewLearningAsync(new ReviewLearningRequest
        {
            CaseId = caseId, Comments = Comments ?? "", OccurredOn = On, ExpectedRevision = ExpectedRevision,
        }, Call).ResponseAsync,
        _ => StatutoryAsync(caseId),
    };

    private RecordResponseRequest SendRequest(string caseId)
    {
        var request = new RecordResponseRequest { CaseId = caseId, OccurredOn = On, ExpectedRevision = ExpectedRevision };
        // With a draft the service sends the draft as reviewed; without one, the findings and words given here.
        if (!HasDraft)
        {
            request.Findings.AddRange(IssueFindings());
            request.Overall = FindingOf(Overall);
            request.Text = Text ?? "";
        }
        return request;
    }

    private RecordLearningRequest LearningRequest(string caseId)
    {
        var request = new RecordLearningRequest
        {
            CaseId = caseId, NatureCategory = NatureCategory ?? "", RootCause = RootCause ?? "", Lessons = Lessons ?? "", OccurredOn = On,
            ExpectedRevision = ExpectedRevision,
        };
        if (!string.IsNullOrWhiteSpace(ActionDescription) || !ActionDue.IsEmpty)
        {
            request.Actions.Add(new LearningAction { Description = ActionDescription ?? "", OwnerId = ActionOwnerId ?? "", Due = DateOf(ActionDue, nameof(ActionDue)) });
        }
        return request;
    }

    public bool HasDraft => Case.Stages.FirstOrDefault(s => s.Number == Case.CurrentStage)?.Response is { DraftState: DraftState.Drafted or DraftState.Approved, SentOn: null };

    private Date? On => DateOf(OccurredOn, nameof(OccurredOn));

    private IEnumerable<IssueFinding> IssueFindings() =>
        Case.Issues.Where(i => Findings.ContainsKey(i.Id)).Select(i => new IssueFinding { IssueId = i.Id, Finding = FindingOf(Findings[i.Id]) });

    private static Finding FindingOf(string? value) => Enum.TryParse<Finding>(value, out var f) ? f : Finding.Unspecified;

    /// <summary>The numbers typed into a date (the service says whether it is a real, allowed date); empty is "not given".</summary>
    private Date? DateOf(DateParts parts, string key)
    {
        if (parts.IsEmpty)
        {
            return null;
        }
        if (!parts.TryNumbers(out var y, out var m, out var d))
        {
            throw Invalid(key, "must be a date with a day, month and year in numbers");
        }
        return new Date { Year = y, Month = m, Day = d };
    }

    private int Number(string? text, string key) =>
        string.IsNullOrWhiteSpace(text) ? 0 : int.TryParse(text.Trim(), out var n) ? n : throw Invalid(key, "must be a whole number");

    /// <summary>Pounds and pence as typed ("25", "25.50", "£1,025.50") to whole pence for the contract.</summary>
    private long Pence(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return 0;
        }
        var cleaned = text.Trim().TrimStart('£').Replace(",", "");
        return decimal.TryParse(cleaned, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var pounds)
            && decimal.Round(pounds, 2) == pounds
            ? (long)(pounds * 100)
            : throw Invalid(nameof(Amount), "must be an amount in pounds and pence, like 25.50");
    }

    private RpcException Invalid(string key, string description)
    {
        ModelState.AddModelError(key, ServiceErrors.Message(Inputs.FirstOrDefault(i => i.ModelKey == key)?.Label ?? key, description));
        return new RpcException(new Grpc.Core.Status(Grpc.Core.StatusCode.InvalidArgument, "")); // nothing else to map: the error is on the page
    }
}
