using ComplaintsPlatform.Import;
using ComplaintsPlatform.Messaging.Outbox;
using ComplaintsPlatform.Ombudsman.V1;
using ComplaintsPlatform.OmbudsmanLiaison.Cases;
using ComplaintsPlatform.OmbudsmanLiaison.Data;
using ComplaintsPlatform.OmbudsmanLiaison.Domain;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Enquiry = ComplaintsPlatform.OmbudsmanLiaison.Domain.Enquiry;

namespace ComplaintsPlatform.OmbudsmanLiaison.Import;

/// <summary>
/// One ImportEnquiries call, a batch at a time: each new enquiry is linked to its council case when
/// CaseWorkflow knows the reference (else kept as predating the platform), recorded with its decision,
/// and announced with the live events, flagged imported. A referral back is history: it is not replayed.
/// </summary>
internal sealed class EnquiriesImport(OmbudsmanLiaisonDbContext db, IOutbox outbox, ICaseDirectory cases, ImportActor actor)
{
    private readonly SourceIdsInFile _seen = new();
    private readonly Dictionary<string, CouncilCase?> _cases = [];

    public async Task BatchAsync(ImportUpload upload, IReadOnlyList<CsvRow> rows, ImportReportBuilder report, CancellationToken ct)
    {
        var parsed = new List<(CsvRow Row, HistoricEnquiry Enquiry)>();
        foreach (var row in rows)
        {
            var enquiry = EnquiryRows.Read(row, actor.Today, actor.Calendar.DirectorateIds);
            if (enquiry is not null)
            {
                _seen.Check(row, "ombudsman_reference", enquiry.SourceId);
            }
            if (enquiry is null || !row.IsValid)
            {
                report.Failed(row.Errors);
                continue;
            }
            parsed.Add((row, enquiry));
        }
        var ids = parsed.Select(p => p.Enquiry.SourceId).ToList();
        var imported = (await db.ImportedRows.AsNoTracking()
            .Where(r => r.SourceKind == ImportedRowRecord.EnquiryKind && ids.Contains(r.SourceId)).Select(r => r.SourceId).ToListAsync(ct)).ToHashSet();
        var references = parsed.Select(p => p.Enquiry.OmbudsmanReference).ToList();
        var recorded = (await db.Enquiries.AsNoTracking().Where(e => references.Contains(e.OmbudsmanReference))
            .Select(e => new { e.Ombudsman, e.OmbudsmanReference }).ToListAsync(ct))
            .Select(e => $"{e.Ombudsman}:{e.OmbudsmanReference}").ToHashSet();

        var added = 0;
        foreach (var (row, h) in parsed)
        {
            if (imported.Contains(h.SourceId))
            {
                report.Unchanged();
                continue;
            }
            if (recorded.Contains(h.SourceId))
            {
                report.Failed(row.Line, "ombudsman_reference", "an enquiry with this reference was already recorded on the platform");
                continue;
            }
            CouncilCase? councilCase;
            try
            {
                councilCase = await FindCaseAsync(h.CaseReference, ct);
            }
            catch (RpcException)
            {
                report.Failed(row.Line, "case_reference", "CaseWorkflow could not be asked about the case; import the file again later");
                continue;
            }
            added++;
            if (!upload.DryRun)
            {
                Stage(h, councilCase, upload.SourceFile, row.Line);
            }
        }
        if (!upload.DryRun && added > 0)
        {
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        report.Imported(added);
    }

    private async Task<CouncilCase?> FindCaseAsync(string reference, CancellationToken ct)
    {
        if (reference.Length == 0)
        {
            return null;
        }
        if (!_cases.TryGetValue(reference, out var found))
        {
            _cases[reference] = found = await cases.FindAsync(reference, ct);
        }
        return found;
    }

    private void Stage(HistoricEnquiry h, CouncilCase? councilCase, string sourceFile, int line)
    {
        var enquiry = Enquiry.Register(h.Ombudsman, h.OmbudsmanReference, h.ReceivedOn, h.DirectorateId, councilCase?.CaseId,
            councilCase?.Reference ?? (h.CaseReference.Length > 0 ? h.CaseReference : null), h.PreAllocation, "", actor.Actor, imported: true);
        if (h.Decided)
        {
            enquiry.RecordHistoricDecision(
                new FinalDecision(h.Decision, h.DecidedOn!.Value, h.ClosureReason, h.Injustice, h.SatisfactoryRemedy, h.ReportIssuedOn,
                    [.. h.HousingDeterminations.Select(d => new HousingFinding { Determination = d })]),
                h.PublicNoticeGivenOn, h.ReportResponseSentOn);
        }
        db.Enquiries.Add(enquiry.Record);
        db.ImportedRows.Add(new ImportedRowRecord
        {
            SourceKind = ImportedRowRecord.EnquiryKind, SourceId = h.SourceId, EnquiryId = enquiry.Record.Id,
            SourceFile = sourceFile, Line = line, ImportedAt = actor.Now, ImportedBy = actor.Id,
        });
        foreach (var message in enquiry.PendingEvents)
        {
            outbox.Add(db, message);
        }
    }
}
