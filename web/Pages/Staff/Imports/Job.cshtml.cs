using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Web.Infrastructure;
using ComplaintsPlatform.Web.Staff;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintsPlatform.Web.Pages.Staff.Imports;

/// <summary>
/// One import job: while it runs, a progress bar in a page that refreshes itself (no script needed);
/// when done, the report line by line, and after a dry run the button to import the same file for real.
/// </summary>
public sealed class JobModel(StaffTokens tokens, StaffDirectory directory, ImportJobsClient imports) : StaffPage(tokens, directory)
{
    /// <summary>Seconds between refreshes while the job runs.</summary>
    public const int RefreshSeconds = 2;

    public ImportJob Job { get; private set; } = new();

    /// <summary>What the file holds, as the upload page offered it.</summary>
    public string KindText => ImportKinds.All.FirstOrDefault(k => k.Value == Job.Kind)?.Text ?? Job.Kind;

    public bool Running => Job.Status is ImportJobStatus.Queued or ImportJobStatus.Running;

    public int Percent => Job.RowsTotal == 0 ? (Running ? 0 : 100) : Math.Min(100, Job.RowsDone * 100 / Job.RowsTotal);

    public async Task<IActionResult> OnGetAsync(string kind, Guid jobId)
    {
        if (!ImportKinds.IsKnown(kind) || !User.IsInRole("complaints_team"))
        {
            return NotFound();
        }
        Job = await imports.GetAsync(kind, jobId.ToString(), Call);
        if (Job.Kind != kind)
        {
            return NotFound();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string kind, Guid jobId)
    {
        if (!ImportKinds.IsKnown(kind) || !User.IsInRole("complaints_team"))
        {
            return NotFound();
        }
        var job = await imports.StartAsync(kind, new StartImportRequest { FromDryRunJobId = jobId.ToString() }, Call);
        return Redirect(Links.Staff.Imports.Job(kind, job.JobId));
    }
}
