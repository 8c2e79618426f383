using ComplaintsPlatform.CaseWorkflow.Data;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Hosting.Identity;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using V1Case = ComplaintsPlatform.CaseWorkflow.V1.Case;

namespace ComplaintsPlatform.CaseWorkflow.Grpc;

// Reads: each case read is audited, including the cases a queue returns.
public sealed partial class CasesService
{
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 200;

    [Authorize(Roles = CaseAccess.Readers)]
    public override async Task<V1Case> GetCase(GetCaseRequest request, ServerCallContext context)
    {
        var (record, c) = await work.ReadAsync(context, request.CaseId, nameof(GetCase));
        return await ForOfficerAsync(record, c, context);
    }

    // Handlers see the person's adjustments and restrictions (as codes) wherever they open the case.
    private async Task<V1Case> WithPersonFlagsAsync(V1Case proto, CancellationToken ct)
    {
        if (proto.PersonId.Length > 0 && await db.PersonFlags.AsNoTracking().FirstOrDefaultAsync(p => p.PersonId == proto.PersonId, ct) is { } flags)
        {
            proto.PersonAdjustmentCodes.Add(flags.AdjustmentCodes);
            proto.PersonRestrictionCodes.Add(flags.Restrictions.Values.Distinct().Order());
        }
        return proto;
    }

    [Authorize(Roles = Roles.ComplaintsTeam + "," + Roles.LinkOfficer)]
    public override async Task<V1Case> FindCaseByReference(FindCaseByReferenceRequest request, ServerCallContext context)
    {
        new Validator().NotBlank(request.Reference, "reference", 100).ThrowIfInvalid();
        var id = await db.Cases.Where(c => c.Reference == request.Reference).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(context.CancellationToken)
            ?? throw new NotFoundException($"A case with reference {request.Reference}");
        var (record, c) = await work.ReadAsync(context, id.ToString(), nameof(FindCaseByReference));
        return await ForOfficerAsync(record, c, context);
    }

    [Authorize(Roles = CaseAccess.Readers)]
    public override async Task<CaseHistory> GetCaseHistory(GetCaseRequest request, ServerCallContext context)
    {
        var (_, c) = await work.ReadAsync(context, request.CaseId, nameof(GetCaseHistory));
        return new CaseHistory { Facts = { c.Facts.Select(CaseMapping.ToProto) } };
    }

    [Authorize(Roles = CaseAccess.Readers)]
    public override async Task<ListCasesReply> ListCases(ListCasesRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Validator();
        v.Require(request.PageSize is >= 0 and <= MaxPageSize, "page_size", $"must be between 0 and {MaxPageSize}");
        v.Require(request.DueWithinWorkingDays is >= 0 and <= 400, "due_within_working_days", "must be between 0 and 400");
        v.Require(request.Scope != QueueScope.MyTeam || caller.Team is { Length: > 0 }, "scope", "your sign-in carries no team");
        v.Require(System.Enum.IsDefined(request.Scope), "scope", "is not a known queue scope");
        v.Require(System.Enum.IsDefined(request.Stream), "stream", "is not a known stream");
        v.Require(System.Enum.IsDefined(request.Status), "status", "is not a known case status");
        v.Require(System.Enum.IsDefined(request.Sort), "sort", "is not a known order");
        var offset = 0;
        v.Require(request.PageToken.Length == 0 || int.TryParse(request.PageToken, out offset) && offset >= 0, "page_token", "is not valid");
        v.ThrowIfInvalid();

        var query = Readable(db.Cases.AsNoTracking(), caller, out var role);
        query = request.Scope switch
        {
            QueueScope.Mine => query.Where(c => c.HandlerId == caller.Subject),
            QueueScope.MyTeam => query.Where(c => c.TeamId == caller.Team),
            _ => query,
        };
        var calendars = state.Current.Calendars;
        var today = rules.Today(calendars);
        if (request.OverdueOnly)
        {
            query = query.Where(c => c.NextDeadline < today);
        }
        if (request.DueWithinWorkingDays > 0)
        {
            var cutoff = calendars.For(request.Stream == ComplaintStream.Unspecified ? ComplaintStream.Corporate : request.Stream)
                .AddWorkingDays(today, request.DueWithinWorkingDays);
            query = query.Where(c => c.NextDeadline <= cutoff);
        }
        if (request.Stream != ComplaintStream.Unspecified)
        {
            query = query.Where(c => c.Stream == (int)request.Stream);
        }
        if (request.Stage > 0)
        {
            query = query.Where(c => c.CurrentStage == request.Stage);
        }
        if (request.ServiceAreaId.Length > 0)
        {
            query = query.Where(c => c.ServiceAreaId == request.ServiceAreaId);
        }
        if (request.SafeguardingOnly)
        {
            query = query.Where(c => c.SafeguardingConcern);
        }
        if (request.Status != V1.CaseStatus.Unspecified)
        {
            query = query.Where(c => c.Status == (int)request.Status);
        }
        var size = request.PageSize == 0 ? DefaultPageSize : request.PageSize;
        var total = await query.CountAsync(context.CancellationToken);
        var page = await Sorted(query, request.Sort, request.Descending)
            .Skip(offset).Take(size + 1)
            .ToListAsync(context.CancellationToken);

        var now = rules.Now;
        foreach (var c in page.Take(size))
        {
            db.CaseAudit.Add(new CaseAuditRecord { CaseId = c.Id, At = now, OfficerId = caller.Subject, Role = role, Action = nameof(ListCases), Allowed = true });
        }
        await db.SaveChangesAsync(context.CancellationToken);
        return new ListCasesReply
        {
            Cases = { page.Take(size).Select(c => WithWorkingDaysLeft(CaseMapping.ToSummary(c, today), calendars, today)) },
            NextPageToken = page.Count > size ? (offset + size).ToString() : "",
            TotalSize = total,
        };
    }

    [Authorize(Roles = Roles.ComplaintsTeam)]
    public override async Task<AuditTrail> GetAuditTrail(GetAuditTrailRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var caseId = Guid.Empty;
        v.Require(request.CaseId.Length == 0 || Guid.TryParse(request.CaseId, out caseId), "case_id", "is not a case id");
        long after = 0;
        v.Require(request.PageToken.Length == 0 || long.TryParse(request.PageToken, out after), "page_token", "is not valid");
        v.Require(request.PageSize is >= 0 and <= MaxPageSize, "page_size", $"must be between 0 and {MaxPageSize}");
        v.ThrowIfInvalid();
        var query = db.CaseAudit.AsNoTracking().Where(a => a.Id > after);
        if (caseId != Guid.Empty)
        {
            query = query.Where(a => a.CaseId == caseId);
        }
        if (request.OfficerId.Length > 0)
        {
            query = query.Where(a => a.OfficerId == request.OfficerId);
        }
        var size = request.PageSize == 0 ? DefaultPageSize : request.PageSize;
        var rows = await query.OrderBy(a => a.Id).Take(size + 1).ToListAsync(context.CancellationToken);
        return new AuditTrail
        {
            Entries =
            {
                rows.Take(size).Select(a => new AuditEntry
                {
                    CaseId = a.CaseId.ToString(),
                    At = Timestamp.FromDateTimeOffset(a.At),
                    OfficerId = a.OfficerId,
                    Role = a.Role,
                    Action = a.Action,
                    Allowed = a.Allowed,
                }),
            },
            NextPageToken = rows.Count > size ? rows[size - 1].Id.ToString() : "",
        };
    }

    /// <summary>The cases the caller may read, as a query (the same rules as <see cref="CaseAccess.ReadRole"/>).</summary>
    private static IQueryable<CaseRecord> Readable(IQueryable<CaseRecord> cases, Caller caller, out string role)
    {
        if (caller.IsInRole(Roles.ComplaintsTeam))
        {
            role = Roles.ComplaintsTeam;
            return cases;
        }
        if (caller.IsInRole(Roles.Handler))
        {
            role = Roles.Handler;
            var team = caller.Team ?? "";
            return cases.Where(c => c.HandlerId == caller.Subject || (team != "" && c.TeamId == team));
        }
        if (caller.IsInRole(Roles.ServiceLead) && caller.Directorate is { Length: > 0 } directorate)
        {
            role = Roles.ServiceLead;
            return cases.Where(c => c.DirectorateId == directorate);
        }
        if (caller.IsInRole(Roles.LinkOfficer))
        {
            role = Roles.LinkOfficer;
            return cases.Where(c => c.BehindOmbudsmanMatter);
        }
        throw new AccessDeniedException("Your role does not give access to cases.");
    }
}
