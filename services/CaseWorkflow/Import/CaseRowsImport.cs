using ComplaintsPlatform.CaseWorkflow.Data;
using ComplaintsPlatform.CaseWorkflow.Domain.Cases;
using ComplaintsPlatform.CaseWorkflow.Events;
using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Import;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.CaseWorkflow.Import;

/// <summary>
/// One ImportCases call, a batch at a time: rows already imported under their source id are
/// unchanged; each new one is replayed through the case rules and saved with its events and its
/// imported-row key in the batch's transaction. A row the rules refuse is reported with their reason.
/// </summary>
internal sealed class CaseRowsImport(CaseWorkflowDbContext db, TimeProvider clock, CaseImportContext context, Actor actor)
{
    private readonly BulkInsert _writer = new(db.Database.GetConnectionString()!);
    private readonly StagedRows _staged = new(clock);

    // Within one file: a source id or reference seen twice is a fault of the file, not a re-import.
    private readonly SourceIdsInFile _seen = new();
    private readonly HashSet<string> _references = [];

    public async Task BatchAsync(ImportUpload upload, IReadOnlyList<CsvRow> rows, ImportReportBuilder report, CancellationToken ct)
    {
        var parsed = new List<(CsvRow Row, HistoricCase History)>(rows.Count);
        foreach (var row in rows)
        {
            var history = CaseRows.Read(row, context);
            if (history is not null)
            {
                _seen.Check(row, "source_id", history.SourceId);
            }
            if (history is null || !row.IsValid)
            {
                report.Failed(row.Errors);
                continue;
            }
            parsed.Add((row, history));
        }
        var ids = parsed.Select(p => p.History.SourceId).ToList();
        var existing = (await db.ImportedRows.AsNoTracking()
            .Where(r => r.SourceKind == ImportedRowRecord.CaseKind && ids.Contains(r.SourceId))
            .Select(r => r.SourceId).ToListAsync(ct)).ToHashSet();
        var fresh = parsed.Where(p => !existing.Contains(p.History.SourceId)).ToList();
        report.Unchanged(parsed.Count - fresh.Count);
        var links = await CaseLinks.LoadAsync(db, fresh.Select(p => (p.Row, p.History)).ToList(), ct);

        var ready = new List<(CsvRow Row, HistoricCase History, ImportOrigin Origin)>(fresh.Count);
        foreach (var (row, given) in fresh)
        {
            if (!_references.Add(given.Reference) || links.ReferenceTaken(given.Reference))
            {
                report.Failed(row.Line, row.Header.Has("reference") ? "reference" : "source_id", "the case reference belongs to another case");
                continue;
            }
            var history = links.Link(row, given);
            if (history is null)
            {
                report.Failed(row.Errors);
                continue;
            }
            ready.Add((row, history, new ImportOrigin
            {
                SourceId = history.SourceId, SourceFile = upload.SourceFile, Line = row.Line, ImportedAt = actor.Now, ImportedBy = actor.Id,
            }));
        }
        // Each case is replayed and stored on its own (the rules and calendars are only read), so a batch uses every core.
        var replayed = new Replayed[ready.Count];
        Parallel.For(0, ready.Count, new ParallelOptions { CancellationToken = ct }, i => replayed[i] = Replay(ready[i].History, ready[i].Origin, upload.DryRun));

        var imported = 0;
        for (var i = 0; i < ready.Count; i++)
        {
            if (replayed[i].Error is { } error)
            {
                report.Failed(ready[i].Row.Line, replayed[i].Column, error);
                continue;
            }
            imported++;
            if (!upload.DryRun)
            {
                Stage(replayed[i], ready[i].Origin);
            }
        }
        if (!upload.DryRun && imported > 0)
        {
            await _writer.WriteAsync(db.Model, _staged.Take(), ct);
        }
        report.Imported(imported);
    }

    public Task FlushAsync() => _writer.FlushAsync();

    private sealed record Replayed(Case? Case, IReadOnlyList<TimeEntryNote> Time, CaseRecord? Record, string? Error, string Column = "");

    private Replayed Replay(HistoricCase history, ImportOrigin origin, bool dryRun)
    {
        try
        {
            var (c, time) = HistoricCaseReplay.Replay(Guid.CreateVersion7(), history, origin, context.RulesFor(history.Stream, history.ReceivedAt), actor);
            CaseRecord? record = null;
            if (!dryRun)
            {
                record = new CaseRecord();
                record.Store(c);
            }
            return new Replayed(c, time, record, null);
        }
        catch (HistoricStepException ex)
        {
            return new Replayed(null, [], null, ex.Message, ex.Column);
        }
        catch (DomainException ex)
        {
            return new Replayed(null, [], null, ex.Message);
        }
    }

    private void Stage(Replayed replayed, ImportOrigin origin)
    {
        var c = replayed.Case!;
        var time = replayed.Time;
        new CasePublisher(_staged).Publish(db, c, actor);
        if (db.ChangeTracker.HasChanges())
        {
            // Only a letter would be staged in the context; a replay asks for none.
            throw new InvalidOperationException("An imported case staged a row outside the batch.");
        }
        _staged.Add(replayed.Record!);
        _staged.Add(new ImportedRowRecord
        {
            SourceKind = ImportedRowRecord.CaseKind,
            SourceId = origin.SourceId,
            CaseId = c.Id,
            SourceFile = origin.SourceFile,
            Line = origin.Line,
            ImportedAt = origin.ImportedAt,
            ImportedBy = origin.ImportedBy,
        });
        foreach (var entry in time)
        {
            _staged.Add(new TimeEntryRecord
            {
                Id = entry.Id,
                CaseId = c.Id,
                Stage = entry.Stage,
                DirectorateId = entry.DirectorateId,
                ServiceAreaId = entry.ServiceAreaId,
                OfficerId = entry.OfficerId,
                Minutes = entry.Minutes,
                ActivityCode = entry.ActivityCode,
                WorkedOn = entry.WorkedOn,
                RecordedAt = actor.Now,
            });
        }
    }
}
