using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.Web.Components;
using ComplaintsPlatform.Web.Infrastructure;
using ComplaintsPlatform.Web.Staff;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Date = Google.Type.Date;

namespace ComplaintsPlatform.Web.Pages.Staff.Registers;

/// <summary>A review of one adjustment or restriction: continue, change or end it, and when it is next reviewed.</summary>
public sealed class ReviewModel(StaffTokens tokens, StaffDirectory directory, Intake.V1.Registers.RegistersClient registers) : StaffPage(tokens, directory)
{
    public string Kind { get; private set; } = "";

    public PersonRegisters Person { get; private set; } = new();

    public AdjustmentRecord? Adjustment { get; private set; }

    public RestrictionRecord? Restriction { get; private set; }

    [BindProperty(SupportsGet = true)] public string? Back { get; set; }
    [BindProperty] public string? Outcome { get; set; }
    [BindProperty] public DateParts ReviewedOn { get; set; } = new();
    [BindProperty] public DateParts NextReviewOn { get; set; } = new();
    [BindProperty] public string? Notes { get; set; }
    [BindProperty] public string? Category { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Details { get; set; }

    public static readonly IReadOnlyList<FieldInput> Inputs =
    [
        new("outcome", nameof(Outcome), "The outcome"),
        new("reviewed_on", nameof(ReviewedOn), "Date reviewed"),
        new("next_review_on", nameof(NextReviewOn), "Next review by"),
        new("notes", nameof(Notes), "Notes"),
        new("category", nameof(Category), "The new adjustment"),
        new("restriction_type", nameof(Category), "The new restriction"),
        new("description", nameof(Description), "What is now agreed"),
        new("reason", nameof(Reason), "The new reason"),
        new("details", nameof(Details), "How it now works"),
    ];

    public static IReadOnlyList<string> FieldOrder => Inputs.Select(i => i.ModelKey).Distinct().ToList();

    public bool IsRestriction => Kind == "restriction";

    public async Task<IActionResult> OnGetAsync(string personId, string kind, string recordId) =>
        await LoadAsync(personId, kind, recordId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string personId, string kind, string recordId)
    {
        if (!await LoadAsync(personId, kind, recordId))
        {
            return NotFound();
        }
        try
        {
            var outcome = Enum.TryParse<ReviewOutcome>(Outcome, out var o) ? o : ReviewOutcome.Unspecified;
            var reviewed = RegisterDates.Of(ReviewedOn, nameof(ReviewedOn), ModelState, Inputs);
            var next = RegisterDates.Of(NextReviewOn, nameof(NextReviewOn), ModelState, Inputs);
            var changing = outcome == ReviewOutcome.Change;
            if (IsRestriction)
            {
                await registers.ReviewRestrictionAsync(new ReviewRestrictionRequest
                {
                    RestrictionId = recordId, Outcome = outcome, ReviewedOn = reviewed, NextReviewOn = next, Notes = Notes ?? "",
                    RestrictionType = changing && Enum.TryParse<RestrictionType>(Category, out var t) ? t : RestrictionType.Unspecified,
                    Reason = changing ? Reason ?? "" : "", Details = changing ? Details ?? "" : "",
                }, Call);
            }
            else
            {
                await registers.ReviewAdjustmentAsync(new ReviewAdjustmentRequest
                {
                    AdjustmentId = recordId, Outcome = outcome, ReviewedOn = reviewed, NextReviewOn = next, Notes = Notes ?? "",
                    Category = changing && Enum.TryParse<Intake.V1.Adjustment>(Category, out var a) ? a : Intake.V1.Adjustment.Unspecified,
                    Description = changing ? Description ?? "" : "",
                }, Call);
            }
            return Redirect(PersonModel.After(personId, Back, "reviewed"));
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
            ModelState.AddModelError("", ex.Status.Detail);
        }
        ViewData["HasErrors"] = true;
        return Page();
    }

    private async Task<bool> LoadAsync(string personId, string kind, string recordId)
    {
        Kind = kind;
        Person = await registers.GetPersonRegistersAsync(new GetPersonRegistersRequest { PersonId = personId }, Call);
        Adjustment = IsRestriction ? null : Person.Adjustments.FirstOrDefault(a => a.Id == recordId);
        Restriction = IsRestriction ? Person.Restrictions.FirstOrDefault(r => r.Id == recordId) : null;
        return Adjustment is not null || Restriction is not null;
    }
}
