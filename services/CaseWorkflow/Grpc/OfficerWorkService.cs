using System.Text.RegularExpressions;
using ComplaintsPlatform.CaseWorkflow.Data;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Hosting.Identity;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.CaseWorkflow.Grpc;

/// <summary>Officer time on cases (logged through the case, so it is audited and announced) and the officer's reminders.</summary>
public sealed partial class OfficerWorkService(CaseWorkflowDbContext db, CaseWork work) : OfficerWork.OfficerWorkBase
{
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 200;
    private static readonly string[] s_teamOrHandler = [Roles.ComplaintsTeam, Roles.Handler];

    [Authorize(Roles = Roles.ComplaintsTeam + "," + Roles.Handler)]
    public override async Task<TimeEntry> LogTime(LogTimeRequest request, ServerCallContext context)
    {
        var v = new Validator();
        v.Require(request.Minutes is >= 1 and <= 1440, "minutes", "must be between 1 and 1440");
        v.Require(ActivityCode().IsMatch(request.ActivityCode), "activity_code", "must be an upper-case code such as INVESTIGATION");
        DateOnly? workedOn = request.WorkedOn is null ? null : CalendarService.ToDateOnly(request.WorkedOn, "worked_on", v);
        v.ThrowIfInvalid();
        TimeEntryRecord? row = null;
        await work.ChangeAsync(context, request.CaseId, nameof(LogTime), s_teamOrHandler, (c, r, a) =>
        {
            var entry = c.LogTime(request.Minutes, request.ActivityCode, workedOn, r, a);
            row = new TimeEntryRecord
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
                RecordedAt = a.Now,
            };
            // Saved with the case, its fact and its OfficerTimeLogged event, in one transaction.
            db.OfficerTime.Add(row);
            return Task.CompletedTask;
        });
        return ToProto(row!);
    }

    [Authorize(Roles = CaseAccess.Readers)]
    public override async Task<OfficerTimeTotals> GetOfficerTime(GetOfficerTimeRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var caseId = Guid.Empty;
        v.Require(request.CaseId.Length == 0 || Guid.TryParse(request.CaseId, out caseId), "case_id", "is not a case id");
        DateOnly? from = request.From is null ? null : CalendarService.ToDateOnly(request.From, "from", v);
        DateOnly? to = request.To is null ? null : CalendarService.ToDateOnly(request.To, "to", v);
        v.ThrowIfInvalid();
        var query = db.OfficerTime.AsNoTracking();
        if (caseId != Guid.Empty)
        {
            // A case's own totals: whoever may read the case (the read is audited).
            await work.ReadAsync(context, request.CaseId, nameof(GetOfficerTime));
            query = query.Where(t => t.CaseId == caseId);
        }
        else if (!Caller.From(context).IsInRole(Roles.ComplaintsTeam))
        {
            throw new AccessDeniedException("Only the complaints team sees officer time across cases.");
        }
        if (request.ServiceAreaId.Length > 0)
        {
            query = query.Where(t => t.ServiceAreaId == request.ServiceAreaId);
        }
        if (from is { } f)
        {
            query = query.Where(t => t.WorkedOn >= f);
        }
        if (to is { } end)
        {
            query = query.Where(t => t.WorkedOn <= end);
        }
        var ct = context.CancellationToken;
        var byCase = await query.GroupBy(t => t.CaseId).Select(g => new { Key = g.Key.ToString(), Minutes = g.Sum(t => (long)t.Minutes), Entries = g.Count() }).ToListAsync(ct);
        var byArea = await query.GroupBy(t => t.ServiceAreaId).Select(g => new { g.Key, Minutes = g.Sum(t => (long)t.Minutes), Entries = g.Count() }).ToListAsync(ct);
        var byStage = await query.GroupBy(t => t.Stage).Select(g => new { g.Key, Minutes = g.Sum(t => (long)t.Minutes), Entries = g.Count() }).ToListAsync(ct);
        var byActivity = await query.GroupBy(t => t.ActivityCode).Select(g => new { g.Key, Minutes = g.Sum(t => (long)t.Minutes), Entries = g.Count() }).ToListAsync(ct);
        return new OfficerTimeTotals
        {
            TotalMinutes = byCase.Sum(t => t.Minutes),
            ByCase = { byCase.OrderBy(t => t.Key).Select(t => Total(t.Key, t.Minutes, t.Entries)) },
            ByServiceArea = { byArea.OrderBy(t => t.Key).Select(t => Total(t.Key, t.Minutes, t.Entries)) },
            ByStage = { byStage.OrderBy(t => t.Key).Select(t => Total(t.Key.ToString(), t.Minutes, t.Entries)) },
            ByActivity = { byActivity.OrderBy(t => t.Key).Select(t => Total(t.Key, t.Minutes, t.Entries)) },
        };
    }

    public override async Task<ListRemindersReply> ListMyReminders(ListMyRemindersRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Validator();
        v.Require(request.PageSize is >= 0 and <= MaxPageSize, "page_size", $"must be between 0 and {MaxPageSize}");
        var offset = 0;
        v.Require(request.PageToken.Length == 0 || int.TryParse(request.PageToken, out offset) && offset >= 0, "page_token", "is not valid");
        v.ThrowIfInvalid();
        // The complaints team also owns the reminders of cases not yet allocated.
        var team = caller.IsInRole(Roles.ComplaintsTeam);
        var size = request.PageSize == 0 ? DefaultPageSize : request.PageSize;
        var rows = await db.Reminders.AsNoTracking()
            .Where(r => r.OfficerId == caller.Subject || (team && r.OfficerId == ""))
            .OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id)
            .Skip(offset).Take(size + 1)
            .ToListAsync(context.CancellationToken);
        return new ListRemindersReply
        {
            Reminders = { rows.Take(size).Select(ToProto) },
            NextPageToken = rows.Count > size ? (offset + size).ToString() : "",
        };
    }

    private static TimeTotal Total(string key, long minutes, int entries) => new() { Key = key, Minutes = minutes, Entries = entries };

    private static TimeEntry ToProto(TimeEntryRecord t) => new()
    {
        Id = t.Id.ToString(),
        CaseId = t.CaseId.ToString(),
        OfficerId = t.OfficerId,
        Stage = t.Stage,
        ServiceAreaId = t.ServiceAreaId,
        Minutes = t.Minutes,
        ActivityCode = t.ActivityCode,
        WorkedOn = Domain.Cases.Case.ToDate(t.WorkedOn),
        RecordedAt = Timestamp.FromDateTimeOffset(t.RecordedAt),
    };

    private static Reminder ToProto(ReminderRecord r) => new()
    {
        Id = r.Id.ToString(),
        CaseId = r.CaseId.ToString(),
        Reference = r.Reference,
        Stage = r.Stage,
        Clock = (ClockKind)r.Clock,
        Kind = (ReminderKind)r.Kind,
        Due = Domain.Cases.Case.ToDate(r.Due),
        OfficerId = r.OfficerId,
        CreatedAt = Timestamp.FromDateTimeOffset(r.CreatedAt),
        DoneAt = r.DoneAt is { } done ? Timestamp.FromDateTimeOffset(done) : null,
    };

    [GeneratedRegex("^[A-Z][A-Z0-9_]{1,49}$")]
    private static partial Regex ActivityCode();
}
