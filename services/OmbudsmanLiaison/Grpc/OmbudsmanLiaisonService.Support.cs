using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Ombudsman.V1;
using ComplaintsPlatform.OmbudsmanLiaison.Data;
using ComplaintsPlatform.OmbudsmanLiaison.Domain;
using Grpc.Core;
using ComplaintsPlatform.Retention;
using Microsoft.EntityFrameworkCore;
using Enquiry = ComplaintsPlatform.Ombudsman.V1.Enquiry;

namespace ComplaintsPlatform.OmbudsmanLiaison.Grpc;

public sealed partial class OmbudsmanLiaisonService
{
    private async Task<(Domain.Enquiry Enquiry, CouncilCalendar.Current Calendar, DateOnly Today)> PrepareAsync(string enquiryId, ServerCallContext context)
    {
        var enquiry = await LoadAsync(enquiryId, context, forWrite: true);
        var calendar = await calendars.GetAsync(db, context.CancellationToken);
        return (new Domain.Enquiry(enquiry), calendar, calendars.Today(calendar));
    }

    private async Task<EnquiryRecord> LoadAsync(string enquiryId, ServerCallContext context, bool forWrite)
    {
        if (!Guid.TryParse(enquiryId, out var id))
        {
            throw new ValidationException([new FieldViolation("enquiry_id", "is not an enquiry id")]);
        }
        var query = db.Enquiries.Include(e => e.Requests).Include(e => e.Correspondence).Include(e => e.Recommendations)
            .Include(e => e.HousingFindings).Include(e => e.Orders).AsSplitQuery();
        var enquiry = await (forWrite ? query : query.AsNoTracking()).FirstOrDefaultAsync(e => e.Id == id, context.CancellationToken)
            ?? throw new NotFoundException($"Enquiry {id}");
        var caller = Caller.From(context);
        try
        {
            Access.EnsureCanRead(caller, enquiry);
        }
        catch (AccessDeniedException)
        {
            await ReadAudit.RefusedAsync(db, caller, clock.GetUtcNow(), context.Method[(context.Method.LastIndexOf('/') + 1)..],
                AuditKinds.Enquiry, enquiry.Id.ToString(), null, enquiry.CaseId, context.CancellationToken);
            throw;
        }
        return enquiry;
    }

    private async Task<Enquiry> SaveAsync(Domain.Enquiry enquiry, CouncilCalendar.Current calendar, DateOnly today, ServerCallContext context)
    {
        // Added through the sets, so EF inserts them rather than looking for existing rows.
        db.AddRange(enquiry.AddedRecords);
        foreach (var message in enquiry.PendingEvents)
        {
            outbox.Add(db, message);
        }
        await db.SaveChangesAsync(context.CancellationToken);
        return EnquiryMapping.ToProto(enquiry.Record, today, calendar.Calendar);
    }

    private Actor Actor(ServerCallContext context) => new(Caller.From(context).Subject, clock.GetUtcNow());

    /// <summary>An enum must be one of the contract's values, not UNSPECIFIED and not a number the contract does not know.</summary>
    private static void RequireKnown<TEnum>(TEnum value, string field, Validator v) where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value) || Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            v.Add(field, $"must be one of {string.Join(", ", Enum.GetValues<TEnum>().Skip(1).Select(DomainNames<TEnum>.Name))}");
        }
    }

    private static void ValidateDocument(DocumentMetadata? document, string field, Validator v)
    {
        if (document is null)
        {
            return;
        }
        v.Require(document.FileName.Length > 0 || document.DocumentReference.Length > 0, field, "needs a file name or a document reference");
        v.Require(document.FileName.Length <= 300, field + ".file_name", "must be at most 300 characters");
        v.Require(document.ContentType.Length <= 100, field + ".content_type", "must be at most 100 characters");
        v.Require(document.DocumentReference.Length <= 300, field + ".document_reference", "must be at most 300 characters");
        v.Require(document.SizeBytes >= 0, field + ".size_bytes", "must not be negative");
    }

    private static string? NullIfBlank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
