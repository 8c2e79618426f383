using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Hosting.Errors;
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

/// <summary>Historic contacts from the contacts template, a few hundred rows per transaction.</summary>
[Authorize(Roles = Roles.ComplaintsTeam)]
public sealed class IntakeImportService(IntakeDbContext db, ContactImporter importer, CouncilClockSource councilClock, IOptions<IntakeOptions> options, TimeProvider clock)
    : IntakeImport.IntakeImportBase
{
    public const int BatchSize = 250;

    public override async Task<ImportReport> ImportContacts(IAsyncStreamReader<ImportChunk> requestStream, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var upload = await ImportUpload.OpenAsync(requestStream, ct);
        new Validator()
            .Require(upload is not null, "data", "the call carried no file")
            .NotBlank(upload?.SourceFile, "source_file", 200)
            .ThrowIfInvalid();
        var importedBy = Caller.From(context).Subject;
        var rules = await RulesAsync(ct);
        var report = new ImportReportBuilder(upload!.SourceFile, upload.DryRun);
        await ImportRun.ReadInBatchesAsync(upload, report, BatchSize, header => CheckHeader(header, report), async rows =>
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
        }, ct);
        return report.Build();
    }

    // A file without a required column would fail every row for the same reason: say it once.
    private static void CheckHeader(CsvHeader header, ImportReportBuilder report)
    {
        var missing = header.Missing(ContactColumns.Required);
        new Validator().Require(missing.Count == 0, "data",
            $"the header (line 1) lacks the required column(s) {string.Join(", ", missing)}; see the contacts template").ThrowIfInvalid();
        foreach (var unknown in header.Names.Where(n => !ContactColumns.All.Contains(n)))
        {
            report.Warned(1, unknown, "is not a column of the contacts template and was ignored");
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
