using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Import;
using ComplaintsPlatform.Intake.Data;
using ComplaintsPlatform.Intake.Domain;
using ComplaintsPlatform.Intake.Events;
using ComplaintsPlatform.Intake.Import;
using ComplaintsPlatform.Intake.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ComplaintsPlatform.Intake.Grpc;

/// <summary>
/// Historic contacts from the contacts template, a few hundred rows per transaction: from a streaming
/// call, or as a job (StartImport) whose kept file the platform's job runner works with the same code.
/// </summary>
[Authorize(Roles = Roles.ComplaintsTeam)]
public sealed class IntakeImportService(IntakeDbContext db, ContactImporter importer, CouncilClockSource councilClock, IOptions<IntakeOptions> options, TimeProvider clock)
    : IntakeImport.IntakeImportBase
{
    // A file without a required column would fail every row for the same reason: say it once.
    private static readonly Action<CsvHeader, ImportReportBuilder> s_header = ImportRun.TemplateHeader("contacts", ContactColumns.Required, ContactColumns.All);

    public const string JobKind = "contacts";

    public static readonly ImportJobKind Job = new(JobKind, (services, file, startedBy, progress, ct) =>
        ActivatorUtilities.CreateInstance<IntakeImportService>(services).RunAsync(file, startedBy, progress, ct));

    public override Task<ImportReport> ImportContacts(IAsyncStreamReader<ImportChunk> requestStream, ServerCallContext context) =>
        RunAsync(requestStream, Caller.From(context).Subject, null, context.CancellationToken);

    public override Task<ImportJob> StartImport(StartImportRequest request, ServerCallContext context) =>
        ImportJobs.StartAsync(db, JobKind, request, Caller.From(context).Subject, clock.GetUtcNow(), context.CancellationToken);

    public override Task<ImportJob> GetImportJob(GetImportJobRequest request, ServerCallContext context) =>
        ImportJobs.GetAsync(db, request.JobId, context.CancellationToken);

    /// <summary>The import of a call or, with <paramref name="job"/>, of a job's kept file: the same rows, the same code.</summary>
    private async Task<ImportReport> RunAsync(IAsyncStreamReader<ImportChunk> file, string importedBy, JobProgress? job, CancellationToken ct)
    {
        var rules = await RulesAsync(ct);
        return await ImportRun.RunAsync(file, s_header,
            (upload, rows, report, token) => BatchAsync(rows, rules, upload, importedBy, report, token), job, ct);
    }

    private async Task BatchAsync(IReadOnlyList<CsvRow> rows, ImportRules rules, ImportUpload upload, string importedBy, ImportReportBuilder report, CancellationToken ct)
    {
        var valid = new List<ContactRow>(rows.Count);
        foreach (var row in rows)
        {
            if (ContactRow.Parse(row, rules) is { } contact)
            {
                valid.Add(contact);
            }
            else
            {
                report.Failed(row.Errors);
            }
        }
        if (valid.Count > 0)
        {
            await importer.ImportAsync(valid, upload, importedBy, report, ct);
        }
    }

    // Historic codes may since have been retired: they are still the council's codes.
    private async Task<ImportRules> RulesAsync(CancellationToken ct)
    {
        var items = await db.ConfiguredLists.AsNoTracking()
            .Where(i => i.ListName == TriageLists.ExclusionReasonsList || i.ListName == TriageLists.SignpostDestinationsList)
            .Select(i => new { i.ListName, i.Code }).ToListAsync(ct);
        var areas = (await db.ServiceAreas.AsNoTracking().Select(s => s.Id).ToListAsync(ct)).ToHashSet();
        var lists = new TriageLists(
            items.Where(i => i.ListName == TriageLists.ExclusionReasonsList).Select(i => i.Code).ToHashSet(),
            items.Where(i => i.ListName == TriageLists.SignpostDestinationsList).Select(i => i.Code).ToHashSet(),
            areas);
        return new ImportRules(clock.GetUtcNow(), await councilClock.GetAsync(db, ct), options.Value, areas, lists);
    }
}
