using ComplaintsPlatform.CaseWorkflow.Configuration;
using ComplaintsPlatform.CaseWorkflow.Data;
using ComplaintsPlatform.CaseWorkflow.Domain.Cases;
using ComplaintsPlatform.CaseWorkflow.Events;
using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Import;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.CaseWorkflow.Import;

/// <summary>
/// One ImportCaseActions call, a batch at a time: each new action is applied to its imported case
/// (found by the case's source id) and the changed cases are saved with their events in one transaction.
/// </summary>
internal sealed class CaseActionsImport(CaseWorkflowDbContext db, CasePublisher publisher, CaseRulesSource rules, CaseImportContext context, Actor actor)
{
    private readonly SourceIdsInFile _seen = new();

    public async Task BatchAsync(ImportUpload upload, IReadOnlyList<CsvRow> rows, ImportReportBuilder report, CancellationToken ct)
    {
        var parsed = new List<(CsvRow Row, CaseActionHistory Action)>(rows.Count);
        foreach (var row in rows)
        {
            var action = CaseActionRows.Read(row, context);
            if (action is not null)
            {
                _seen.Check(row, "source_id", action.SourceId);
            }
            if (action is null || !row.IsValid)
            {
                report.Failed(row.Errors);
                continue;
            }
            parsed.Add((row, action));
        }
        var ids = parsed.Select(p => p.Action.SourceId).ToList();
        var existing = (await db.ImportedRows.AsNoTracking()
            .Where(r => r.SourceKind == ImportedRowRecord.ActionKind && ids.Contains(r.SourceId))
            .Select(r => r.SourceId).ToListAsync(ct)).ToHashSet();
        var fresh = parsed.Where(p => !existing.Contains(p.Action.SourceId)).ToList();
        report.Unchanged(parsed.Count - fresh.Count);
        var cases = await LoadCasesAsync(fresh.Select(p => p.Action.CaseSourceId).Distinct().ToList(), ct);

        var imported = 0;
        var changed = new HashSet<string>();
        foreach (var (row, action) in fresh)
        {
            if (!cases.TryGetValue(action.CaseSourceId, out var entry))
            {
                report.Failed(row.Line, "case_source_id", "no imported case has this source id (import the cases first)");
                continue;
            }
            // Applied whole or not at all: a refusal puts the case back as it was before the row.
            var before = CaseDocument.Write(entry.Case);
            try
            {
                entry.Case.ResumeImport();
                CaseActionRows.Apply(entry.Case, action, await rules.ForCaseAsync(db, entry.Case, ct), actor);
                entry.Case.FinishImport();
            }
            catch (DomainException ex)
            {
                cases[action.CaseSourceId] = entry with { Case = CaseDocument.Read(before) };
                report.Failed(row.Line, "", ex.Message);
                continue;
            }
            imported++;
            if (upload.DryRun)
            {
                entry.Case.ClearPending();
                continue;
            }
            publisher.Publish(db, entry.Case, actor);
            changed.Add(action.CaseSourceId);
            db.ImportedRows.Add(new ImportedRowRecord
            {
                SourceKind = ImportedRowRecord.ActionKind,
                SourceId = action.SourceId,
                CaseId = entry.Case.Id,
                SourceFile = upload.SourceFile,
                Line = row.Line,
                ImportedAt = actor.Now,
                ImportedBy = actor.Id,
            });
        }
        if (!upload.DryRun && imported > 0)
        {
            foreach (var sourceId in changed)
            {
                cases[sourceId].Record.Store(cases[sourceId].Case);
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        report.Imported(imported);
    }

    private async Task<Dictionary<string, (CaseRecord Record, Case Case)>> LoadCasesAsync(List<string> caseSourceIds, CancellationToken ct)
    {
        var keys = await db.ImportedRows.AsNoTracking()
            .Where(r => r.SourceKind == ImportedRowRecord.CaseKind && caseSourceIds.Contains(r.SourceId))
            .ToDictionaryAsync(r => r.CaseId, r => r.SourceId, ct);
        var caseIds = keys.Keys.ToList();
        var records = await db.Cases.Where(c => caseIds.Contains(c.Id)).ToListAsync(ct);
        return records.ToDictionary(r => keys[r.Id], r => (r, r.Load()));
    }
}
