using ComplaintsPlatform.Import;
using ComplaintsPlatform.Messaging.Outbox;
using ComplaintsPlatform.Ombudsman.V1;
using ComplaintsPlatform.OmbudsmanLiaison.Cases;
using ComplaintsPlatform.OmbudsmanLiaison.Data;
using ComplaintsPlatform.OmbudsmanLiaison.Domain;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using static ComplaintsPlatform.OmbudsmanLiaison.Domain.FactDates;

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
        var enquiry = new EnquiryRecord
        {
            Id = Guid.CreateVersion7(),
            Ombudsman = h.Ombudsman,
            OmbudsmanReference = h.OmbudsmanReference,
            ReceivedOn = h.ReceivedOn,
            DirectorateId = h.DirectorateId,
            CaseId = councilCase?.CaseId,
            CaseReference = councilCase?.Reference ?? (h.CaseReference.Length > 0 ? h.CaseReference : null),
            PredatesPlatform = councilCase is null,
            PreAllocation = h.PreAllocation,
            RecordedAt = actor.Now,
            RecordedBy = actor.Id,
        };
        db.Enquiries.Add(enquiry);
        db.ImportedRows.Add(new ImportedRowRecord
        {
            SourceKind = ImportedRowRecord.EnquiryKind, SourceId = h.SourceId, EnquiryId = enquiry.Id,
            SourceFile = sourceFile, Line = line, ImportedAt = actor.Now, ImportedBy = actor.Id,
        });
        outbox.Add(db, EnquiryEvents.Received(enquiry, imported: true));
        if (h.Decision != OmbudsmanDecision.Unspecified)
        {
            Decide(enquiry, h);
        }
    }

    private void Decide(EnquiryRecord enquiry, HistoricEnquiry h)
    {
        enquiry.Decision = h.Decision;
        enquiry.DecidedOn = h.DecidedOn;
        enquiry.ClosureReason = h.Decision == OmbudsmanDecision.AssessedAndClosed ? h.ClosureReason : null;
        enquiry.Injustice = h.Injustice;
        enquiry.SatisfactoryRemedy = h.SatisfactoryRemedy;
        outbox.Add(db, new OmbudsmanDecisionRecorded
        {
            EnquiryId = enquiry.Id.ToString(),
            Ombudsman = enquiry.Ombudsman,
            CaseId = enquiry.CaseId ?? "",
            DirectorateId = enquiry.DirectorateId,
            Decision = h.Decision,
            ClosureReason = h.ClosureReason,
            Injustice = h.Injustice ?? false,
            SatisfactoryRemedy = h.SatisfactoryRemedy,
            PublicInterestReport = h.PublicInterestReport,
            DecidedOn = ToProto(h.DecidedOn),
            ReceivedOn = ToProto(enquiry.ReceivedOn),
            Imported = true,
        });
        if (h.ReportIssuedOn is { } issued)
        {
            // The report's duties are recorded as the file gives them; one it says nothing about is still owed.
            var deadlines = PublicInterestReportDeadlines.From(issued);
            enquiry.ReportIssuedOn = issued;
            enquiry.PublicNoticeDueOn = deadlines.PublicNoticeDueOn;
            enquiry.ReportAvailableUntil = h.PublicNoticeGivenOn is { } given ? PublicInterestReportDeadlines.AvailableUntilAfterNotice(given) : deadlines.AvailableUntil;
            enquiry.ReportResponseDueOn = deadlines.ResponseDueOn;
            enquiry.PublicNoticeGivenOn = h.PublicNoticeGivenOn;
            enquiry.ReportResponseSentOn = h.ReportResponseSentOn;
            outbox.Add(db, new PublicInterestReportIssued
            {
                EnquiryId = enquiry.Id.ToString(),
                DirectorateId = enquiry.DirectorateId,
                IssuedOn = ToProto(issued),
                PublicNoticeDueOn = ToProto(deadlines.PublicNoticeDueOn),
                AvailableUntil = ToProto(enquiry.ReportAvailableUntil),
                ResponseDueOn = ToProto(deadlines.ResponseDueOn),
                Imported = true,
            });
        }
    }
}

/// <summary>Who is importing, when, and the calendar that says what "today" is.</summary>
internal sealed record ImportActor(string Id, DateTimeOffset Now, DateOnly Today, CouncilCalendar.Current Calendar);
