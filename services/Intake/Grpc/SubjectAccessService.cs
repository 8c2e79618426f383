using System.Text.Json;
using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Intake.Data;
using ComplaintsPlatform.Intake.Domain;
using ComplaintsPlatform.Intake.Events;
using ComplaintsPlatform.Intake.SubjectAccess;
using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.Retention;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using SubjectAccessRequest = ComplaintsPlatform.Intake.V1.SubjectAccessRequest;

namespace ComplaintsPlatform.Intake.Grpc;

/// <summary>
/// Subject access for the data protection officer and the complaints team: find and confirm the person,
/// record the request and its one-month deadline, gather the package from every service, hand it over
/// as files, and record that it was sent. The request row holds ids and dates only.
/// </summary>
[Authorize(Roles = Roles.DataProtectionOfficer + "," + Roles.ComplaintsTeam)]
public sealed partial class SubjectAccessService(
    IntakeDbContext db, PackageGatherer gatherer, AccessLogQuery accessLog, CouncilClockSource councilClock, TimeProvider clock)
    : V1.SubjectAccess.SubjectAccessBase
{
    public override async Task<SubjectAccessRequest> OpenRequest(OpenSubjectAccessRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var today = await TodayAsync(ct);
        var v = new Validator();
        var personIds = request.PersonIds.Select(p => Guid.TryParse(p, out var g) ? g : Guid.Empty).Distinct().ToArray();
        v.Require(personIds.Length > 0, "person_ids", "must name the person the request is from");
        v.Require(personIds.All(p => p != Guid.Empty), "person_ids", "must be person ids");
        var receivedOn = request.ReceivedOn.ToDateOnlyOrNull();
        v.Require(receivedOn is not null, "received_on", "must be a real date");
        v.Require(receivedOn is null || receivedOn <= today, "received_on", "must not be in the future");
        v.ThrowIfInvalid();
        var known = await db.Persons.CountAsync(p => personIds.Contains(p.Id), ct);
        if (known != personIds.Length)
        {
            throw new ValidationException([new FieldViolation("person_ids", "must be people Intake knows")]);
        }
        var record = new SubjectAccessRecord
        {
            Id = Guid.CreateVersion7(),
            PersonIds = personIds,
            ReceivedOn = receivedOn!.Value,
            DueOn = SubjectAccessDeadline.DueOn(receivedOn.Value),
            Status = (int)SubjectAccessStatus.Open,
            OpenedBy = Caller.From(context).Subject,
            OpenedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.SubjectAccessRequests.Add(record);
        await db.SaveChangesAsync(ct);
        return ToProto(record, today);
    }

    public override async Task<SubjectAccessRequest> BuildPackage(BuildPackageRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var record = await FindAsync(request.RequestId, ct);
        if (record.Status == (int)SubjectAccessStatus.Sent)
        {
            throw new RuleViolationException("The package was sent: open a new request to answer again.");
        }
        var caller = Caller.From(context);
        var package = await gatherer.GatherAsync(record, caller, nameof(BuildPackage), ct);
        record.Status = (int)SubjectAccessStatus.Built;
        record.BuiltBy = caller.Subject;
        record.BuiltAt = package.GatheredAt.UtcDateTime;
        record.Counts = JsonSerializer.Serialize(package.Counts.Select(c => new CountRow(c.Kind, c.Count)));
        record.FlaggedFields = package.FlaggedFields;
        await db.SaveChangesAsync(ct);
        return ToProto(record, await TodayAsync(ct));
    }

    public override async Task<PackageFile> GetPackage(GetPackageRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        new Validator().Defined(request.Format, "format").Require(request.Format != PackageFormat.Unspecified, "format", "must be JSON, HTML or ZIP")
            .ThrowIfInvalid();
        var record = await FindAsync(request.RequestId, ct);
        if (record.Status == (int)SubjectAccessStatus.Open)
        {
            throw new RuleViolationException("Build the package first.");
        }
        var package = await gatherer.GatherAsync(record, Caller.From(context), nameof(GetPackage), ct);
        var name = $"subject-access-{record.ReceivedOn:yyyy-MM-dd}-{record.Id.ToString()[..8]}";
        return request.Format switch
        {
            PackageFormat.Json => File(name + ".json", "application/json", PackageDocuments.Json(package)),
            PackageFormat.Html => File(name + ".html", "text/html; charset=utf-8", PackageDocuments.Html(package)),
            _ => File(name + ".zip", "application/zip", PackageDocuments.Zip(package)),
        };
    }

    public override async Task<SubjectAccessRequest> MarkSent(MarkSentRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var today = await TodayAsync(ct);
        var record = await FindAsync(request.RequestId, ct);
        var sentOn = request.SentOn.ToDateOnlyOrNull();
        new Validator()
            .Require(sentOn is not null, "sent_on", "must be a real date")
            .Require(sentOn is null || sentOn <= today, "sent_on", "must not be in the future")
            .Require(sentOn is null || sentOn >= record.ReceivedOn, "sent_on", "must not be before the request was received")
            .ThrowIfInvalid();
        if (record.Status != (int)SubjectAccessStatus.Built)
        {
            throw new RuleViolationException(record.Status == (int)SubjectAccessStatus.Sent
                ? "The package is already marked as sent."
                : "Build the package before marking it sent.");
        }
        record.Status = (int)SubjectAccessStatus.Sent;
        record.SentBy = Caller.From(context).Subject;
        record.SentOn = sentOn;
        await db.SaveChangesAsync(ct);
        return ToProto(record, today);
    }

    public override async Task<SubjectAccessRequest> GetRequest(GetSubjectAccessRequest request, ServerCallContext context) =>
        ToProto(await FindAsync(request.RequestId, context.CancellationToken), await TodayAsync(context.CancellationToken));

    public override async Task<SubjectAccessRequestList> ListRequests(ListSubjectAccessRequests request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        new Validator().Require(System.Enum.IsDefined(request.Status), "status", "is not one of the known values").ThrowIfInvalid();
        var rows = db.SubjectAccessRequests.AsNoTracking();
        if (request.Status != SubjectAccessStatus.Unspecified)
        {
            rows = rows.Where(r => r.Status == (int)request.Status);
        }
        var today = await TodayAsync(ct);
        var found = await rows.OrderByDescending(r => r.OpenedAt).Take(500).ToListAsync(ct);
        return new SubjectAccessRequestList { Requests = { found.Select(r => ToProto(r, today)) } };
    }

    private async Task<SubjectAccessRecord> FindAsync(string requestId, CancellationToken ct)
    {
        if (!Guid.TryParse(requestId, out var id))
        {
            throw new ValidationException([new FieldViolation("request_id", "is not a request id")]);
        }
        return await db.SubjectAccessRequests.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException($"Subject access request {id}");
    }

    private async Task<DateOnly> TodayAsync(CancellationToken ct) =>
        (await councilClock.GetAsync(db, ct)).LocalDate(clock.GetUtcNow());

    private static PackageFile File(string name, string type, byte[] content) =>
        new() { FileName = name, ContentType = type, Content = ByteString.CopyFrom(content) };

    private sealed record CountRow(string Kind, int Count);

    private static SubjectAccessRequest ToProto(SubjectAccessRecord r, DateOnly today)
    {
        var reply = new SubjectAccessRequest
        {
            RequestId = r.Id.ToString(),
            PersonIds = { r.PersonIds.Select(p => p.ToString()) },
            ReceivedOn = r.ReceivedOn.ToProto(),
            DueOn = r.DueOn.ToProto(),
            Status = (SubjectAccessStatus)r.Status,
            OpenedBy = r.OpenedBy,
            OpenedAt = ContactMapping.Ts(r.OpenedAt),
            BuiltBy = r.BuiltBy ?? "",
            FlaggedFields = r.FlaggedFields,
            SentBy = r.SentBy ?? "",
            Overdue = SubjectAccessDeadline.Overdue(r.DueOn, today, r.SentOn),
        };
        if (r.BuiltAt is { } built)
        {
            reply.BuiltAt = ContactMapping.Ts(built);
        }
        if (r.SentOn is { } sent)
        {
            reply.SentOn = sent.ToProto();
        }
        foreach (var c in JsonSerializer.Deserialize<List<CountRow>>(r.Counts) ?? [])
        {
            reply.Counts.Add(new PackageCount { Kind = c.Kind, Count = c.Count });
        }
        return reply;
    }
}
