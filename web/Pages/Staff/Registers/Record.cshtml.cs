using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.Web.Components;
using ComplaintsPlatform.Web.Infrastructure;
using ComplaintsPlatform.Web.Staff;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Date = Google.Type.Date;

namespace ComplaintsPlatform.Web.Pages.Staff.Registers;

/// <summary>Records a reasonable adjustment or a restriction for a person; Intake's rules and words decide what is accepted.</summary>
public sealed class RecordModel(StaffTokens tokens, StaffDirectory directory, Intake.V1.Registers.RegistersClient registers) : StaffPage(tokens, directory)
{
    public string Kind { get; private set; } = "";

    public PersonRegisters Person { get; private set; } = new();

    [BindProperty] public string? Category { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? AgreedBy { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Details { get; set; }
    [BindProperty] public DateParts From { get; set; } = new();
    [BindProperty] public DateParts ReviewOn { get; set; } = new();

    public static readonly IReadOnlyList<FieldInput> Inputs =
    [
        new("category", nameof(Category), "The adjustment"),
        new("restriction_type", nameof(Category), "The restriction"),
        new("description", nameof(Description), "What was agreed"),
        new("agreed_by", nameof(AgreedBy), "Who agreed it"),
        new("reason", nameof(Reason), "Why"),
        new("details", nameof(Details), "How it works"),
        new("from_date", nameof(From), "From"),
        new("start_on", nameof(From), "From"),
        new("next_review_on", nameof(ReviewOn), "Review by"),
        new("review_on", nameof(ReviewOn), "Review by"),
    ];

    public static IReadOnlyList<string> FieldOrder => Inputs.Select(i => i.ModelKey).Distinct().ToList();

    public bool IsRestriction => Kind == "restriction";

    /// <summary>Where the officer came to the person's registers from (kept through the form).</summary>
    [BindProperty(SupportsGet = true)] public string? Back { get; set; }

    public async Task OnGetAsync(string personId, string kind) => await LoadAsync(personId, kind);

    public async Task<IActionResult> OnPostAsync(string personId, string kind)
    {
        await LoadAsync(personId, kind);
        try
        {
            if (IsRestriction)
            {
                await registers.RecordRestrictionAsync(new RecordRestrictionRequest
                {
                    PersonId = personId, RestrictionType = Enum.TryParse<RestrictionType>(Category, out var t) ? t : RestrictionType.Unspecified,
                    Reason = Reason ?? "", Details = Details ?? "", StartOn = DateOf(From, nameof(From)), ReviewOn = DateOf(ReviewOn, nameof(ReviewOn)),
                }, Call);
            }
            else
            {
                await registers.RecordAdjustmentAsync(new RecordAdjustmentRequest
                {
                    PersonId = personId, Category = Enum.TryParse<Adjustment>(Category, out var a) ? a : Adjustment.Unspecified,
                    Description = Description ?? "", AgreedBy = AgreedBy ?? "", FromDate = DateOf(From, nameof(From)), NextReviewOn = DateOf(ReviewOn, nameof(ReviewOn)),
                }, Call);
            }
            return Redirect(PersonModel.After(personId, Back, kind));
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

    private async Task LoadAsync(string personId, string kind)
    {
        Kind = kind;
        Person = await registers.GetPersonRegistersAsync(new GetPersonRegistersRequest { PersonId = personId }, Call);
    }

    /// <summary>The numbers typed into a date (Intake says whether it is a real, allowed date); empty is "not given".</summary>
    private Date? DateOf(DateParts parts, string key) => RegisterDates.Of(parts, key, ModelState, Inputs);
}
