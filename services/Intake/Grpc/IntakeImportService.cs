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

/// <summary>Historic contacts from the contacts template, a few hundred rows per transaction.</summary>
[Authorize(Roles = Roles.ComplaintsTeam)]
public sealed class IntakeImportService(IntakeDbContext db, ContactImporter importer, CouncilClockSource councilClock, IOptions<IntakeOptions> options, TimeProvider clock)
    : IntakeImport.IntakeImportBase
{
    // A file without a required column would fail every row for the same reason: say it once.
    private static readonly Action<CsvHeader, ImportReportBuilder> s_header = ImportRun.TemplateHeader("contacts", ContactColumns.Required, ContactColumns.All);

    public override async Task<ImportReport> ImportContacts(IAsyncStreamReader<ImportChunk> requestStream, ServerCallContext context)
    {
        var importedBy = Caller.From(context).Subject;
        var rules = await RulesAsync(context.CancellationToken);
        return await ImportRun.RunAsync(requestStream, s_header,
            (upload, rows, report, ct) => BatchAsync(rows, rules, upload, importedBy, report, ct), context.CancellationToken);
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
