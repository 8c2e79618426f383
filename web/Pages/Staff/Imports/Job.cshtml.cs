using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Web.Infrastructure;
using ComplaintsPlatform.Web.Staff;
using Microsoft.AspNetCore.Mvc;
using ImportClient = ComplaintsPlatform.Compliments.V1.ComplimentsImport.ComplimentsImportClient;

namespace ComplaintsPlatform.Web.Pages.Staff.Imports;

/// <summary>
/// One import job: while it runs, a progress bar in a page that refreshes itself (no script needed);
/// when done, the report line by line, and after a dry run the button to import the same file for real.
/// </summary>
public sealed class JobModel(StaffTokens tokens, StaffDirectory directory, ImportClient compliments) : StaffPage(tokens, directory)
{
    /// <summary>Seconds between refreshes while the job runs.</summary>
    public const int RefreshSeconds = 2;

    public ImportJob Job { get; private set; } = new();

    public bool Running => Job.Status is ImportJobStatus.Queued or ImportJobStatus.Running;

    public int Percent => Job.RowsTotal == 0 ? (Running ? 0 : 100) : Math.Min(100, Job.RowsDone * 100 / Job.RowsTotal);

    public async Task<IActionResult> OnGetAsync(string kind, Guid jobId)
    {
        if (kind != ImportKinds.Compliments || !User.IsInRole("complaints_team"))
        {
            return NotFound();
        }
        Job = await compliments.GetImportJobAsync(new GetImportJobRequest { JobId = jobId.ToString() }, Call);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string kind, Guid jobId)
    {
        if (kind != ImportKinds.Compliments || !User.IsInRole("complaints_team"))
        {
            return NotFound();
        }
        var job = await compliments.StartImportAsync(new StartImportRequest { FromDryRunJobId = jobId.ToString() }, Call);
        return Redirect(Links.Staff.Imports.Job(kind, job.JobId));
    }
}
