using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.Web.Staff;

namespace ComplaintsPlatform.Web.Pages.Staff.Triage;

/// <summary>The triage queue, oldest first, as Intake gives it to the complaints team.</summary>
public sealed class IndexModel(StaffTokens tokens, StaffDirectory directory, Intake.V1.Intake.IntakeClient intake) : StaffPage(tokens, directory)
{
    private const int PageSize = 200;

    public TriageQueue Queue { get; private set; } = new();

    public string? Done { get; private set; }

    public async Task OnGetAsync(string? done)
    {
        Done = done;
        Queue = await intake.ListTriageQueueAsync(new ListTriageQueueRequest { PageSize = PageSize }, Call);
    }
}
