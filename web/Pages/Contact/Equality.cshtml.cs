using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.Web.Components;
using ComplaintsPlatform.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintsPlatform.Web.Pages.Contact;

/// <summary>Optional equality monitoring; Intake stores the answers apart from the contact.</summary>
public sealed class EqualityModel(JourneyStore store, PublicIntake.PublicIntakeClient intake) : ContactPage(store, intake)
{
    private const string NotSay = "Prefer not to say";

    public sealed record Q(string Key, string Question, IReadOnlyList<Choice> Choices);

    public static readonly IReadOnlyList<Q> Questions =
    [
        new(nameof(AgeBand), "What is your age?", Options("Under 18", "18 to 24", "25 to 34", "35 to 44", "45 to 54", "55 to 64", "65 to 74", "75 or over")),
        new(nameof(Sex), "What is your sex?", Options("Female", "Male")),
        new(nameof(Ethnicity), "What is your ethnic group?", Options("Asian or Asian British", "Black, Black British, Caribbean or African", "Mixed or multiple ethnic groups", "White", "Another ethnic group")),
        new(nameof(Disability), "Do you consider yourself to have a disability?", Options("Yes", "No")),
        new(nameof(Religion), "What is your religion?", Options("No religion", "Buddhist", "Christian", "Hindu", "Jewish", "Muslim", "Sikh", "Any other religion")),
        new(nameof(SexualOrientation), "Which of these best describes your sexual orientation?", Options("Straight or heterosexual", "Gay or lesbian", "Bisexual", "Another sexual orientation")),
    ];

    protected override string Step => Links.Contact.Equality;

    [BindProperty] public string? AgeBand { get; set; }
    [BindProperty] public string? Sex { get; set; }
    [BindProperty] public string? Ethnicity { get; set; }
    [BindProperty] public string? Disability { get; set; }
    [BindProperty] public string? Religion { get; set; }
    [BindProperty] public string? SexualOrientation { get; set; }

    public string SkipHref => Links.Contact.Page(JourneyId, Links.Contact.CheckAnswers);

    public void OnGet()
    {
        var e = Journey.Equality;
        (AgeBand, Sex, Ethnicity) = (e.GetValueOrDefault(nameof(AgeBand)), e.GetValueOrDefault(nameof(Sex)), e.GetValueOrDefault(nameof(Ethnicity)));
        (Disability, Religion, SexualOrientation) = (e.GetValueOrDefault(nameof(Disability)), e.GetValueOrDefault(nameof(Religion)), e.GetValueOrDefault(nameof(SexualOrientation)));
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Journey.Equality = new Dictionary<string, string?>
        {
            [nameof(AgeBand)] = AgeBand, [nameof(Sex)] = Sex, [nameof(Ethnicity)] = Ethnicity,
            [nameof(Disability)] = Disability, [nameof(Religion)] = Religion, [nameof(SexualOrientation)] = SexualOrientation,
        }.Where(a => !string.IsNullOrEmpty(a.Value)).ToDictionary(a => a.Key, a => a.Value!);
        if (!await IntakeAcceptsAsync(Journey))
        {
            return Page();
        }
        await SaveAsync();
        return Redirect(Links.Contact.Page(JourneyId, Links.Contact.CheckAnswers));
    }

    private static IReadOnlyList<Choice> Options(params string[] texts) => [.. texts.Append(NotSay).Select(t => new Choice(t, t))];
}
