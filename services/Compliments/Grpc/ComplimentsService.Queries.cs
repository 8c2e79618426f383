using ComplaintsPlatform.Calendar;
using System.Globalization;
using ComplaintsPlatform.Compliments.Domain;
using ComplaintsPlatform.Compliments.V1;
using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Retention;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using ComplimentMessage = ComplaintsPlatform.Compliments.V1.Compliment;

namespace ComplaintsPlatform.Compliments.Grpc;

public sealed partial class ComplimentsService
{
    private const int DefaultPageSize = 50;

    private DateTimeOffset Now() => clock.GetUtcNow();
    private const int MaxPageSize = 200;

    public override async Task<ComplimentMessage> GetCompliment(GetComplimentRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var id = ComplimentMapping.ComplimentId(request.ComplimentId);
        Domain.Compliment compliment;
        try
        {
            compliment = await Access.ReadableAsync(db, caller, id, track: false, context.CancellationToken);
        }
        catch (AccessDeniedException)
        {
            var personId = await db.Compliments.Where(c => c.Id == id).Select(c => c.PersonId).FirstOrDefaultAsync(context.CancellationToken);
            await ReadAudit.RefusedAsync(db, caller, Now(), nameof(GetCompliment), AuditKinds.Compliment, id.ToString(), personId, null, context.CancellationToken);
            throw;
        }
        ReadAudit.Add(db, caller, Now(), nameof(GetCompliment), AuditKinds.Compliment, compliment.Id.ToString(), compliment.PersonId);
        await db.SaveChangesAsync(context.CancellationToken);
        return compliment.ToMessage();
    }

    public override async Task<ListComplimentsReply> ListCompliments(ListComplimentsRequest request, ServerCallContext context)
    {
        var from = request.ReceivedFrom.ToDateOnlyOrNull();
        var to = request.ReceivedTo.ToDateOnlyOrNull();
        var offset = 0;
        new Validator()
            .Require(request.ReceivedFrom is null || from is not null, "received_from", "must be a real date")
            .Require(request.ReceivedTo is null || to is not null, "received_to", "must be a real date")
            .Require(from is null || to is null || from <= to, "received_to", "must not be before received_from")
            .Require(request.PageSize is >= 0 and <= MaxPageSize, "page_size", $"must be between 0 and {MaxPageSize}")
            .Require(request.PageToken.Length == 0 || (int.TryParse(request.PageToken, CultureInfo.InvariantCulture, out offset) && offset >= 0),
                "page_token", "is not a token this service gave")
            .ThrowIfInvalid();

        var caller = Caller.From(context);
        var serviceAreaId = request.ServiceAreaId.NullIfEmpty();
        var teamId = request.TeamId.NullIfEmpty();
        var officerId = request.OfficerId.NullIfEmpty();
        var query = db.Compliments.AsNoTracking().VisibleTo(db, caller);
        if (serviceAreaId is not null)
        {
            query = query.Where(c => c.ServiceAreaId == serviceAreaId);
        }
        if (teamId is not null)
        {
            query = query.Where(c => c.TeamId == teamId);
        }
        if (officerId is not null)
        {
            query = query.Where(c => c.OfficerId == officerId);
        }
        if (from is not null)
        {
            query = query.Where(c => c.ReceivedOn >= from);
        }
        if (to is not null)
        {
            query = query.Where(c => c.ReceivedOn <= to);
        }
        if (!request.IncludeSentBack)
        {
            query = query.Where(c => c.Status == ComplimentStatus.Recorded);
        }
        var size = request.PageSize == 0 ? DefaultPageSize : request.PageSize;
        var page = await query.OrderByDescending(c => c.ReceivedOn).ThenByDescending(c => c.Id)
            .Skip(offset).Take(size + 1)
            .ToListAsync(context.CancellationToken);
        var now = Now();
        foreach (var c in page.Take(size))
        {
            ReadAudit.Add(db, caller, now, nameof(ListCompliments), AuditKinds.Compliment, c.Id.ToString(), c.PersonId);
        }
        await db.SaveChangesAsync(context.CancellationToken);
        var reply = new ListComplimentsReply { Compliments = { page.Take(size).Select(c => c.ToMessage()) } };
        if (page.Count > size)
        {
            reply.NextPageToken = (offset + size).ToString(CultureInfo.InvariantCulture);
        }
        return reply;
    }

    [Authorize(Roles = Access.Reporters)]
    public override async Task<CountComplimentsReply> CountCompliments(CountComplimentsRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        new Validator()
            .Require(request.Basis != YearBasis.Unspecified && Enum.IsDefined(request.Basis), "basis", "is required: FINANCIAL or CALENDAR")
            .Require(request.FromYear is >= 2000 and <= 2100, "from_year", "must be a year between 2000 and 2100")
            .Require(request.ToYear >= request.FromYear && request.ToYear - request.FromYear < 20, "to_year",
                "must be from_year or up to 19 years after it")
            .ThrowIfInvalid();
        var areas = await Access.ReportableAreasAsync(db, Caller.From(context), request.DirectorateId.NullIfEmpty(), ct);
        var serviceAreaId = request.ServiceAreaId.NullIfEmpty();
        if (serviceAreaId is not null && areas is not null && !areas.Contains(serviceAreaId))
        {
            throw new AccessDeniedException("That service area is outside the directorate you may report on.");
        }

        var (first, _) = ReportingYear.Range(request.FromYear, request.Basis);
        var (_, last) = ReportingYear.Range(request.ToYear, request.Basis);
        var counted = db.Compliments.AsNoTracking()
            .Where(c => c.Status == ComplimentStatus.Recorded && c.ReceivedOn >= first && c.ReceivedOn <= last);
        if (areas is not null)
        {
            counted = counted.Where(c => areas.Contains(c.ServiceAreaId));
        }
        if (serviceAreaId is not null)
        {
            counted = counted.Where(c => c.ServiceAreaId == serviceAreaId);
        }
        // Same anonymous shape in both branches, so the grouping below runs in the database either way.
        var keyed = request.Basis == YearBasis.Financial
            ? counted.Select(c => new { c.ServiceAreaId, Year = c.ReceivedOn.Month < 4 ? c.ReceivedOn.Year - 1 : c.ReceivedOn.Year })
            : counted.Select(c => new { c.ServiceAreaId, Year = c.ReceivedOn.Year });
        var rows = await keyed.GroupBy(k => new { k.ServiceAreaId, k.Year })
            .Select(g => new { g.Key.ServiceAreaId, g.Key.Year, Count = g.Count() })
            .ToListAsync(ct);

        var reply = new CountComplimentsReply { Basis = request.Basis };
        reply.ByService.AddRange(rows.OrderBy(r => r.Year).ThenByDescending(r => r.Count).ThenBy(r => r.ServiceAreaId)
            .Select(r => new ServiceYearCount
            {
                ServiceAreaId = r.ServiceAreaId,
                Year = r.Year,
                YearLabel = ReportingYear.Label(r.Year, request.Basis),
                Count = r.Count,
            }));
        for (var year = request.FromYear; year <= request.ToYear; year++)
        {
            var y = year;
            reply.Totals.Add(new YearTotal
            {
                Year = year,
                YearLabel = ReportingYear.Label(year, request.Basis),
                Count = rows.Where(r => r.Year == y).Sum(r => r.Count),
            });
        }
        return reply;
    }

    [Authorize(Roles = Access.Reporters)]
    public override async Task<SampleQuotableComplimentsReply> SampleQuotableCompliments(
        SampleQuotableComplimentsRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        new Validator()
            .Require(request.Basis != YearBasis.Unspecified && Enum.IsDefined(request.Basis), "basis", "is required: FINANCIAL or CALENDAR")
            .Require(request.Year is >= 2000 and <= 2100, "year", "must be a year between 2000 and 2100")
            .Require(request.Size is >= 0 and <= 100, "size", "must be between 0 and 100")
            .ThrowIfInvalid();
        var areas = await Access.ReportableAreasAsync(db, Caller.From(context), null, ct);
        var serviceAreaId = request.ServiceAreaId.NullIfEmpty();
        if (serviceAreaId is not null && areas is not null && !areas.Contains(serviceAreaId))
        {
            throw new AccessDeniedException("That service area is outside the directorate you may report on.");
        }
        var (first, last) = ReportingYear.Range(request.Year, request.Basis);
        var quotable = db.Compliments.AsNoTracking()
            .Where(c => c.Status == ComplimentStatus.Recorded && c.ConsentToQuote && c.QuotableText != null
                && c.ReceivedOn >= first && c.ReceivedOn <= last);
        if (areas is not null)
        {
            quotable = quotable.Where(c => areas.Contains(c.ServiceAreaId));
        }
        if (serviceAreaId is not null)
        {
            quotable = quotable.Where(c => c.ServiceAreaId == serviceAreaId);
        }
        var size = request.Size == 0 ? 10 : request.Size;
        var candidates = await quotable.OrderByDescending(c => c.ReceivedOn).ThenBy(c => c.Id)
            .Take(size * 20)
            .Select(c => new { c.Id, c.ServiceAreaId, c.ReceivedOn, c.QuotableText })
            .ToListAsync(ct);

        // Round-robin over service areas (most recent first in each), so one busy service does not fill the appendix.
        var sample = candidates.GroupBy(c => c.ServiceAreaId)
            .SelectMany(g => g.Select((c, rank) => (c, rank)))
            .OrderBy(x => x.rank).ThenBy(x => x.c.ServiceAreaId, StringComparer.Ordinal)
            .Take(size)
            .Select(x => new QuotableCompliment
            {
                ComplimentId = x.c.Id.ToString(),
                ServiceAreaId = x.c.ServiceAreaId,
                ReceivedOn = x.c.ReceivedOn.ToProto(),
                QuotableText = x.c.QuotableText!,
            });
        return new SampleQuotableComplimentsReply { Compliments = { sample } };
    }
}
