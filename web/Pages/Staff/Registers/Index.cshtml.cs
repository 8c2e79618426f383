using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.Web.Staff;

namespace ComplaintsPlatform.Web.Pages.Staff.Registers;

/// <summary>Reviews due of both registers (reasonable adjustments and restrictions), oldest due first, as Intake gives them.</summary>
public sealed class IndexModel(StaffTokens tokens, StaffDirectory directory, Intake.V1.Registers.RegistersClient registers) : StaffPage(tokens, directory)
{
    public static readonly int[] Windows = [0, 7, 30, 90];

    public DueReviews Due { get; private set; } = new();

    public int Within { get; private set; }

    public async Task OnGetAsync(int? within)
    {
        Within = within is { } w && Windows.Contains(w) ? w : 30;
        Due = await registers.ListDueReviewsAsync(new ListDueReviewsRequest { DueWithinDays = Within, PageSize = 200 }, Call);
    }

    public static string Kind(RegisterKind kind) => kind == RegisterKind.Restriction ? "restriction" : "adjustment";
}
