using ComplaintsPlatform.Compliments.V1;
using ComplaintsPlatform.Web.Staff;
using Microsoft.AspNetCore.Mvc;
using ComplimentsClient = ComplaintsPlatform.Compliments.V1.Compliments.ComplimentsClient;

namespace ComplaintsPlatform.Web.Pages.Staff.ComplimentsDesk;

/// <summary>
/// Compliments this officer may read (the service decides which), and for the complaints team and
/// service leads the counts by service over five financial years and a sample of quotable compliments.
/// </summary>
public sealed class IndexModel(StaffTokens tokens, StaffDirectory directory, ComplimentsClient compliments, TimeProvider clock)
    : StaffPage(tokens, directory)
{
    public IReadOnlyList<Compliment> Compliments { get; private set; } = [];

    public CountComplimentsReply? Counts { get; private set; }

    public IReadOnlyList<QuotableCompliment>? Quotable { get; private set; }

    public int Year { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!ComplimentText.Sees(User))
        {
            return Refuse("You cannot open this", "The compliments pages are for council officers.");
        }
        Year = ComplimentText.FinancialYear(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        Compliments = (await compliments.ListComplimentsAsync(new ListComplimentsRequest { PageSize = 50, IncludeSentBack = true }, Call)).Compliments;
        if (ComplimentText.Counts(User))
        {
            Counts = await compliments.CountComplimentsAsync(new CountComplimentsRequest { Basis = YearBasis.Financial, FromYear = Year - 4, ToYear = Year }, Call);
            Quotable = (await compliments.SampleQuotableComplimentsAsync(new SampleQuotableComplimentsRequest { Basis = YearBasis.Financial, Year = Year, Size = 5 }, Call)).Compliments;
        }
        return Page();
    }
}
