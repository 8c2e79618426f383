using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Import;
using ComplaintsPlatform.Messaging.Outbox;
using ComplaintsPlatform.Ombudsman.V1;
using ComplaintsPlatform.OmbudsmanLiaison.Data;
using ComplaintsPlatform.OmbudsmanLiaison.Domain;
using Microsoft.EntityFrameworkCore;
using Enquiry = ComplaintsPlatform.OmbudsmanLiaison.Domain.Enquiry;
using V1Ombudsman = ComplaintsPlatform.Ombudsman.V1.Ombudsman;

namespace ComplaintsPlatform.OmbudsmanLiaison.Import;

/// <summary>
/// One ImportRecommendations call: each new recommendation joins its enquiry (by Ombudsman and
/// reference), under the rules AgreeRecommendation and CompleteRecommendation apply to live ones; a
/// row of kind ORDER is a Housing Ombudsman order, under RecordOrder's and CompleteOrder's rules.
/// </summary>
internal sealed class RecommendationsImport(OmbudsmanLiaisonDbContext db, IOutbox outbox, ImportActor actor)
{
    public static readonly string[] Required = ["source_id", "ombudsman", "ombudsman_reference", "type", "due"];

    private const string RecommendationKind = "RECOMMENDATION";
    private const string OrderKind = "ORDER";

    private readonly SourceIdsInFile _seen = new();

    public async Task BatchAsync(ImportUpload upload, IReadOnlyList<CsvRow> rows, ImportReportBuilder report, CancellationToken ct)
    {
        var parsed = new List<(CsvRow Row, string SourceId, V1Ombudsman Ombudsman, string Reference, RecommendationType Type, long Amount, DateOnly? Agreed, DateOnly Due, DateOnly? Completed, bool Order)>();
        foreach (var row in rows)
        {
            var sourceId = row.Text("source_id", 200, required: true) ?? "";
            var ombudsman = row.Enum<V1Ombudsman>("ombudsman", "OMBUDSMAN_", required: true);
            var reference = row.Text("ombudsman_reference", 50, required: true) ?? "";
            var type = row.Enum<RecommendationType>("type", "RECOMMENDATION_TYPE_", required: true);
            var amount = row.Pence("amount_pence") ?? 0;
            var agreed = row.Date("agreed");
            var due = row.Date("due", required: true);
            var completed = row.Date("completed");
            var kind = (row.Optional("kind") ?? "").Trim().ToUpperInvariant();
            if (kind is not ("" or RecommendationKind or OrderKind))
            {
                row.Fail("kind", $"'{kind}' is not one of {RecommendationKind}, {OrderKind}");
            }
            if (type == RecommendationType.Financial && amount <= 0 && row.Optional("amount_pence") is null)
            {
                row.Fail("amount_pence", "is required for a FINANCIAL recommendation (in pence)");
            }
            else if (type is not (null or RecommendationType.Financial) && amount != 0)
            {
                row.Fail("amount_pence", "is given only for a FINANCIAL recommendation");
            }
            if (due < agreed)
            {
                row.Fail("due", "is before the recommendation was agreed");
            }
            if (completed > actor.Today)
            {
                row.Fail("completed", "is in the future");
            }
            if (sourceId.Length > 0)
            {
                _seen.Check(row, "source_id", sourceId);
            }
            if (!row.IsValid)
            {
                report.Failed(row.Errors);
                continue;
            }
            parsed.Add((row, sourceId, ombudsman!.Value, reference, type!.Value, amount, agreed, due!.Value, completed, kind == OrderKind));
        }
        var ids = parsed.Select(p => p.SourceId).ToList();
        var imported = (await db.ImportedRows.AsNoTracking()
            .Where(r => r.SourceKind == ImportedRowRecord.RecommendationKind && ids.Contains(r.SourceId)).Select(r => r.SourceId).ToListAsync(ct)).ToHashSet();
        var references = parsed.Select(p => p.Reference).Distinct().ToList();
        var enquiries = (await db.Enquiries.AsNoTracking().Include(e => e.HousingFindings).Where(e => references.Contains(e.OmbudsmanReference)).ToListAsync(ct))
            .ToDictionary(e => (e.Ombudsman, e.OmbudsmanReference), e => new Enquiry(e));

        var added = 0;
        foreach (var p in parsed)
        {
            if (imported.Contains(p.SourceId))
            {
                report.Unchanged();
                continue;
            }
            if (!enquiries.TryGetValue((p.Ombudsman, p.Reference), out var enquiry))
            {
                report.Failed(p.Row.Line, "ombudsman_reference", "no enquiry has this Ombudsman reference (import the enquiries first)");
                continue;
            }
            try
            {
                if (p.Order)
                {
                    enquiry.RequireOrderable();
                }
                else
                {
                    enquiry.RequireUpheld();
                }
            }
            catch (RuleViolationException ex)
            {
                report.Failed(p.Row.Line, "ombudsman_reference", ex.Message);
                continue;
            }
            var agreed = p.Agreed ?? enquiry.Record.DecidedOn ?? enquiry.Record.ReceivedOn;
            if (agreed < enquiry.Record.ReceivedOn || p.Completed < agreed || p.Due < agreed)
            {
                report.Failed(p.Row.Line, p.Completed < agreed ? "completed" : p.Due < agreed ? "due" : "agreed",
                    "is before the recommendation was agreed or the enquiry received");
                continue;
            }
            if (p.Order && agreed < enquiry.Record.DecidedOn)
            {
                report.Failed(p.Row.Line, "agreed", "is before the Housing Ombudsman's determination: an order comes with it");
                continue;
            }
            added++;
            if (!upload.DryRun)
            {
                Stage(enquiry, p.SourceId, p.Type, p.Amount, agreed, p.Due, p.Completed, p.Order, upload.SourceFile, p.Row.Line);
            }
        }
        if (!upload.DryRun && added > 0)
        {
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        report.Imported(added);
    }

    private void Stage(Enquiry enquiry, string sourceId, RecommendationType type, long amount, DateOnly agreed, DateOnly due,
        DateOnly? completed, bool order, string sourceFile, int line)
    {
        if (order)
        {
            var made = enquiry.MakeOrder(type, "", amount, agreed, due, actor.Actor, imported: true);
            if (completed is { } complied)
            {
                enquiry.CompleteOrder(made.Id, complied, null, new DocumentColumns(), imported: true);
            }
        }
        else
        {
            var recommendation = enquiry.AgreeRecommendation(type, "", amount, agreed, due, actor.Actor, imported: true);
            if (completed is { } done)
            {
                enquiry.CompleteRecommendation(recommendation.Id, done, null, new DocumentColumns(), actor.Today, imported: true);
            }
        }
        db.AddRange(enquiry.AddedRecords);
        db.ImportedRows.Add(new ImportedRowRecord
        {
            SourceKind = ImportedRowRecord.RecommendationKind, SourceId = sourceId, EnquiryId = enquiry.Record.Id,
            SourceFile = sourceFile, Line = line, ImportedAt = actor.Now, ImportedBy = actor.Id,
        });
        foreach (var message in enquiry.PendingEvents)
        {
            outbox.Add(db, message);
        }
        // The enquiry stays for the batch's next rows; this row's changes are staged.
        enquiry.ClearPending();
    }
}
