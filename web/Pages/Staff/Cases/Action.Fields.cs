using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Web.Components;
using ComplaintsPlatform.Web.Infrastructure;
using ComplaintsPlatform.Web.Staff;

namespace ComplaintsPlatform.Web.Pages.Staff.Cases;

// The inputs of each action's form, named as the service's field paths name them.
public sealed partial class ActionModel
{
    public static readonly IReadOnlyList<FieldInput> Inputs =
    [
        new("about", nameof(About), "What the complaint is about"),
        new("outcome_sought", nameof(OutcomeSought), "What the person wants"),
        new("matter_happened_on", nameof(MatterHappenedOn), "When it happened"),
        new("occurred_on", nameof(OccurredOn), "The date"),
        new("worked_on", nameof(OccurredOn), "The date"),
        new("summary", nameof(Summary), "The issue"),
        new("service_area_id", nameof(ServiceAreaId), "Service area"),
        new("team_id", nameof(TeamId), "Team"),
        new("handler_id", nameof(HandlerId), "Handler"),
        new("reason", nameof(Reason), "The reason"),
        new("note", nameof(Note), "Note"),
        new("working_days", nameof(WorkingDays), "Working days"),
        new("minutes", nameof(Minutes), "Minutes"),
        new("activity_code", nameof(ActivityCode), "Activity"),
        new("findings", nameof(Overall), "Findings"),
        new("overall", nameof(Overall), "Overall finding"),
        new("text", nameof(Text), "The text"),
        new("reasons", nameof(Text), "The person's reasons"),
        new("explanation", nameof(Text), "The explanation"),
        new("comments", nameof(Comments), "Comments"),
        new("ending", nameof(Ending), "How it ended"),
        new("reason_code", nameof(ReasonCode), "The reason"),
        new("type_code", nameof(TypeCode), "Type of remedy"),
        new("description", nameof(Description), "Description"),
        new("amount_pence", nameof(Amount), "Amount"),
        new("owner_id", nameof(OwnerId), "Owner"),
        new("due", nameof(Due), "Due date"),
        new("expected_on", nameof(ExpectedOn), "When the person can expect the response"),
        new("remedy_id", nameof(RemedyId), "Remedy"),
        new("nature_category", nameof(NatureCategory), "Nature of the complaint"),
        new("root_cause", nameof(RootCause), "Root cause"),
        new("lessons", nameof(Lessons), "Lessons learnt"),
        new("actions[0].description", nameof(ActionDescription), "Learning action"),
        new("actions[0].owner_id", nameof(ActionOwnerId), "Owner of the learning action"),
        new("actions[0].due", nameof(ActionDue), "Learning action due date"),
        new("discussion_offered", nameof(DiscussionOffered), "The offer to discuss"),
        new("agreed_due", nameof(AgreedDue), "The agreed response date"),
        new("new_due", nameof(NewDue), "The new backstop date"),
        new("eligibility", nameof(Eligibility), "Eligibility"),
        new("independent_person_id", nameof(IndependentPersonId), "Independent Person"),
        new("member_ids[0]", nameof(Member1), "First panel member"),
        new("member_ids[1]", nameof(Member2), "Second panel member"),
        new("member_ids[2]", nameof(Member3), "Third panel member"),
    ];

    /// <summary>The page's input order, for the error summary.</summary>
    public static IReadOnlyList<string> FieldOrder => Inputs.Select(i => i.ModelKey).Distinct().ToList();

    public static readonly IReadOnlyList<Choice> FindingChoices =
    [
        new(nameof(Finding.Upheld), "Upheld"),
        new(nameof(Finding.PartlyUpheld), "Partly upheld"),
        new(nameof(Finding.NotUpheld), "Not upheld"),
        new(nameof(Finding.NoFinding), "No finding", "Not enough evidence to decide"),
    ];

    public static readonly IReadOnlyList<Choice> ReallocationReasons =
    [
        new(nameof(ReallocationReason.Absence), "Absence"),
        new(nameof(ReallocationReason.ConflictOfInterest), "Conflict of interest"),
        new(nameof(ReallocationReason.WrongService), "Wrong service"),
        new(nameof(ReallocationReason.Workload), "Workload"),
        new(nameof(ReallocationReason.Other), "Other"),
    ];

    public static readonly IReadOnlyList<Choice> Endings =
    [
        new(nameof(CaseEnding.Withdrawn), "Withdrawn by the person"),
        new(nameof(CaseEnding.ResolvedEarly), "Resolved early"),
        new(nameof(CaseEnding.NoWrittenResponse), "No written response issued"),
        new(nameof(CaseEnding.ResolvedOrally), "Resolved orally by the next working day", "Adult social care only"),
    ];

    public static readonly IReadOnlyList<Choice> Activities =
        new[] { "INVESTIGATION", "INTERVIEW", "DRAFTING", "REVIEW", "CORRESPONDENCE", "MEETING", "ADMIN" }
            .Select(a => new Choice(a, CaseText.Words(a.ToLowerInvariant()))).ToList();

    public static readonly IReadOnlyList<Choice> NoticeChoice =
        [new("yes", "Send the extension notice (the reason, the new date and the Ombudsman's details)")];

    public static readonly IReadOnlyList<Choice> ReviewChoices = [new("approve", "Approve the draft"), new("return", "Return it with comments")];

    public IReadOnlyList<Choice> RefusalReasons => Directory.List("escalation_refusal_reasons");

    public IReadOnlyList<Choice> RemedyTypes => Directory.List("remedy_types");

    public IReadOnlyList<Choice> NatureCategories => Directory.List("nature_categories");

    public IReadOnlyList<Choice> OpenRemedies =>
        Case.Remedies.Where(r => r.CompletedOn is not { Year: > 0 })
            .Select(r => new Choice(r.Id, $"{Directory.ListLabel("remedy_types", r.TypeCode)}: {r.Description}" + (r.AmountPence > 0 ? $" ({CaseText.Money(r.AmountPence)})" : ""),
                $"Due {CaseText.ShortDate(r.Due)}")).ToList();
}
