using ComplaintsPlatform.CaseWorkflow.Data;
using ComplaintsPlatform.CaseWorkflow.Domain.DataProtection;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Hosting.Identity;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.CaseWorkflow.Grpc;

public sealed partial class DataProtectionService
{
    public override async Task<DataRequest> RecordDataRequest(RecordDataRequestRequest request, ServerCallContext context)
    {
        var now = clock.GetUtcNow();
        DataProtectionRules.RecordRequest(request, DateOnly.FromDateTime(now.UtcDateTime));
        var record = new DataRequestRecord
        {
            Id = Guid.CreateVersion7(),
            Kind = (int)request.Kind,
            PersonId = NullIfEmpty(request.PersonId),
            CaseId = request.CaseId.Length > 0 ? Guid.Parse(request.CaseId) : null,
            ReceivedOn = new DateOnly(request.ReceivedOn.Year, request.ReceivedOn.Month, request.ReceivedOn.Day),
            Reason = request.Reason.Trim(),
            RecordedAt = now,
            RecordedBy = Caller.From(context).Subject,
        };
        if (record.CaseId is { } caseId && !await db.Cases.AnyAsync(c => c.Id == caseId, context.CancellationToken))
        {
            throw new NotFoundException($"Case {request.CaseId}");
        }
        db.DataRequests.Add(record);
        await db.SaveChangesAsync(context.CancellationToken);
        return ToProto(record);
    }

    /// <summary>
    /// Records the decision and who made it. An approved erasure is carried out at once, outside the
    /// schedule and by the same path: CaseWorkflow anonymises its own records in this transaction and
    /// every other service does the same when the ErasureApproved event reaches it. Legal holds still win.
    /// </summary>
    public override async Task<DataRequest> DecideDataRequest(DecideDataRequestRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var record = Guid.TryParse(request.RequestId, out var id) ? await db.DataRequests.FindAsync([id], ct) : null;
        if (record is null)
        {
            throw new NotFoundException($"Request {request.RequestId}");
        }
        DataProtectionRules.Decide(record.Decision, request);
        var caller = Caller.From(context).Subject;
        record.Decision = (int)request.Decision;
        record.DecisionReason = request.DecisionReason.Trim();
        record.DecidedAt = clock.GetUtcNow();
        record.DecidedBy = caller;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (request.Decision == DataRequestDecision.Approved && record.Kind == (int)DataRequestKind.Erasure)
        {
            var (caseIds, contactIds) = await LinksAsync(record.PersonId, record.CaseId, ct);
            outbox.Add(db, new ErasureApproved
            {
                RequestId = record.Id.ToString(), PersonId = record.PersonId ?? "", CaseIds = { caseIds }, ContactIds = { contactIds },
            });
            await runner.StageErasureAsync(db, sweep, record.Id.ToString(), record.PersonId, caseIds, contactIds, caller, ct);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ToProto(record);
    }

    public override async Task<ListDataRequestsReply> ListDataRequests(ListDataRequestsRequest request, ServerCallContext context)
    {
        var requests = db.DataRequests.AsNoTracking();
        if (request.UndecidedOnly)
        {
            requests = requests.Where(r => r.Decision == 0);
        }
        var list = await requests.OrderByDescending(r => r.RecordedAt).Take(500).ToListAsync(context.CancellationToken);
        return new ListDataRequestsReply { Requests = { list.Select(ToProto) } };
    }

    private static DataRequest ToProto(DataRequestRecord r) => new()
    {
        RequestId = r.Id.ToString(),
        Kind = (DataRequestKind)r.Kind,
        PersonId = r.PersonId ?? "",
        CaseId = r.CaseId?.ToString() ?? "",
        ReceivedOn = new Google.Type.Date { Year = r.ReceivedOn.Year, Month = r.ReceivedOn.Month, Day = r.ReceivedOn.Day },
        Reason = r.Reason,
        RecordedAt = Timestamp.FromDateTimeOffset(r.RecordedAt),
        RecordedBy = r.RecordedBy,
        Decision = (DataRequestDecision)r.Decision,
        DecisionReason = r.DecisionReason ?? "",
        DecidedAt = r.DecidedAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
        DecidedBy = r.DecidedBy ?? "",
    };
}
