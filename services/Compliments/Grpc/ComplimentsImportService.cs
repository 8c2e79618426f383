using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Compliments.Data;
using ComplaintsPlatform.Compliments.Domain;
using ComplaintsPlatform.Compliments.Events;
using ComplaintsPlatform.Compliments.V1;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Import;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Compliment = ComplaintsPlatform.Compliments.Domain.Compliment;

namespace ComplaintsPlatform.Compliments.Grpc;

/// <summary>
/// Historic compliments from the compliments template, a few hundred rows per transaction with their
/// ComplimentRecorded events. A source id already imported with the same values is unchanged; with
/// other values it is refused, never overwritten.
/// </summary>
[Authorize(Roles = Roles.ComplaintsTeam)]
public sealed partial class ComplimentsImportService(ComplimentsDbContext db, ComplimentEvents events, CouncilClocks clocks, TimeProvider clock)
    : ComplimentsImport.ComplimentsImportBase
{
    private readonly ImportedBefore _before = new(ImportedCompliment.SourceIdColumn);

    // A file without a required column would fail every row for the same reason: say it once.
    private static readonly Action<CsvHeader, ImportReportBuilder> s_header = ImportRun.TemplateHeader("compliments", ImportedCompliment.Required, ImportedCompliment.Columns);

    public override Task<ImportReport> ImportCompliments(IAsyncStreamReader<ImportChunk> requestStream, ServerCallContext context) =>
        RunAsync(requestStream, Caller.From(context).Subject, null, context.CancellationToken);

    /// <summary>The import of a call or, with <paramref name="job"/>, of a job's kept file: the same rows, the same code.</summary>
    private async Task<ImportReport> RunAsync(IAsyncStreamReader<ImportChunk> file, string importedBy, JobProgress? job, CancellationToken ct)
    {
        var directory = await DirectoryAsync(ct);
        return await ImportRun.RunAsync(file, s_header,
            (upload, rows, report, token) => BatchAsync(rows, directory, upload, importedBy, report, token), job, ct);
    }

    private async Task BatchAsync(IReadOnlyList<CsvRow> rows, ImportDirectory directory, ImportUpload upload, string importedBy, ImportReportBuilder report, CancellationToken ct)
    {
        var valid = new List<ImportedCompliment>(rows.Count);
        foreach (var row in rows)
        {
            if (ImportedCompliment.Parse(row, directory) is { } compliment)
            {
                valid.Add(compliment);
            }
            else
            {
                report.Failed(row.Errors);
            }
        }
        if (valid.Count > 0)
        {
            await SaveAsync(valid, upload, importedBy, report, ct);
        }
    }

    private async Task SaveAsync(List<ImportedCompliment> rows, ImportUpload upload, string importedBy, ImportReportBuilder report, CancellationToken ct)
    {
        var ids = rows.Select(r => r.SourceId).ToList();
        var known = await db.Compliments.AsNoTracking().Where(c => ids.Contains(c.ImportSourceId!))
            .Select(c => new { c.ImportSourceId, c.ImportFingerprint, c.ImportSourceFile, c.ImportLine })
            .ToDictionaryAsync(c => c.ImportSourceId!, ct);
        var now = clock.GetUtcNow();
        foreach (var row in rows)
        {
            var stored = known.TryGetValue(row.SourceId, out var k) ? (k.ImportFingerprint ?? [], $"{k.ImportSourceFile} line {k.ImportLine}") : ((byte[], string)?)null;
            if (!_before.IsNew(row.SourceId, row.Fingerprint, row.Line, stored, report))
            {
                continue;
            }
            _before.Remember(row.SourceId, row.Fingerprint, upload.SourceFile, row.Line);
            report.Imported();
            if (!upload.DryRun)
            {
                var compliment = Compliment.Import(row, upload.SourceFile, importedBy, now);
                db.Compliments.Add(compliment);
                events.Recorded(db, compliment);
            }
        }
        if (!upload.DryRun)
        {
            // One transaction: the batch's compliments with their outbox rows.
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }

    private async Task<ImportDirectory> DirectoryAsync(CancellationToken ct)
    {
        var council = await DirectoryChecks.CouncilAsync(db, ct);
        var areas = await db.ServiceAreas.AsNoTracking().Select(a => a.Id).ToListAsync(ct);
        var teams = await db.Teams.AsNoTracking().Select(t => new { t.Id, t.ServiceAreaId }).ToListAsync(ct);
        var officers = await db.Officers.AsNoTracking().Select(o => o.Id).ToListAsync(ct);
        return new ImportDirectory(clocks.For(council.CalendarSettings()).Today(clock), areas.ToHashSet(StringComparer.Ordinal),
            teams.ToDictionary(t => t.Id, t => t.ServiceAreaId, StringComparer.Ordinal), officers.ToHashSet(StringComparer.Ordinal));
    }
}
