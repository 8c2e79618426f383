using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Web.Components;
using ComplaintsPlatform.Web.Infrastructure;
using ComplaintsPlatform.Web.Staff;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintsPlatform.Web.Pages.Staff.Imports;

/// <summary>
/// A council's history brought in as a job in the owning service: the file is uploaded and dry-run
/// first, its progress and line-by-line report shown, then imported for real from the same kept file.
/// </summary>
public sealed class IndexModel(StaffTokens tokens, StaffDirectory directory, ImportJobsClient imports) : StaffForm(tokens, directory)
{
    private const long MaxFileBytes = 20_000_000;

    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }

    protected override IReadOnlyList<FieldInput> Inputs => [new("data", nameof(Upload), "The file"), new("source_file", nameof(Upload), "The file")];

    public IReadOnlyList<Choice> Kinds => ImportKinds.All;

    public IActionResult OnGet() => User.IsInRole("complaints_team") ? Page() : Refuse("You cannot open this", "Imports are for the complaints team.");

    public async Task<IActionResult> OnPostAsync()
    {
        if (!User.IsInRole("complaints_team"))
        {
            return Refuse("You cannot open this", "Imports are for the complaints team.");
        }
        try
        {
            if (!ImportKinds.IsKnown(Kind))
            {
                throw Invalid(nameof(Kind), "Select what the file holds");
            }
            if (Upload is null || Upload.Length == 0)
            {
                throw Invalid(nameof(Upload), "Select a CSV file");
            }
            if (Upload.Length > MaxFileBytes)
            {
                throw Invalid(nameof(Upload), "must be smaller than 20 MB");
            }
            await using var stream = Upload.OpenReadStream();
            var data = await ByteString.FromStreamAsync(stream, HttpContext.RequestAborted);
            // Always a dry run first: the report says what would happen before anything changes.
            var job = await imports.StartAsync(Kind!, new StartImportRequest
            {
                SourceFile = Path.GetFileName(Upload.FileName), Data = data, DryRun = true,
            }, Call);
            return Redirect(Links.Staff.Imports.Job(Kind!, job.JobId));
        }
        catch (RpcException e) when (Refused(e))
        {
            return Page();
        }
    }
}
