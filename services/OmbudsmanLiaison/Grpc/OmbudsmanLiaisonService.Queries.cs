using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Ombudsman.V1;
using ComplaintsPlatform.OmbudsmanLiaison.Data;
using ComplaintsPlatform.OmbudsmanLiaison.Domain;
using Grpc.Core;
using ComplaintsPlatform.Retention;
using Microsoft.EntityFrameworkCore;
using static ComplaintsPlatform.OmbudsmanLiaison.Domain.FactDates;

namespace ComplaintsPlatform.OmbudsmanLiaison.Grpc;

public sealed partial class OmbudsmanLiaisonService
{
    public override async Task<MatterList> ListOpenMatters(WorkspaceFilter request, ServerCallContext context)
    {
        var (enquiries, calendar, today) = await FilteredAsync(request, context);
        var matters = enquiries
            .Select(e => (Enquiry: e, Next: OpenDeadlines.Next(e)))
            .Where(m => m.Next is not null || !m.Enquiry.IsDecided)
            .OrderBy(m => m.Next?.DueOn ?? DateOnly.MaxValue).ThenBy(m => m.Enquiry.ReceivedOn)
            .Select(m => new Matter
            {
                EnquiryId = m.Enquiry.Id.ToString(),
                Ombudsman = m.Enquiry.Ombudsman,
                OmbudsmanReference = m.Enquiry.OmbudsmanReference,
                CaseReference = m.Enquiry.CaseReference ?? "",
                DirectorateId = m.Enquiry.DirectorateId,
                ReceivedOn = ToProto(m.Enquiry.ReceivedOn),
                NextDeadline = EnquiryMapping.ToProto(m.Next),
                Rag = OpenDeadlines.RagOf(m.Next, today, calendar.Calendar),
            });
        return new MatterList { Matters = { matters } };
    }

    public override async Task<OverdueRequestList> ListOverdueRequests(WorkspaceFilter request, ServerCallContext context)
    {
        var (enquiries, calendar, today) = await FilteredAsync(request, context);
        var overdue = enquiries
            .SelectMany(e => e.Requests.Where(r => r.RepliedOn is null && r.DueOn < today).Select(r => (Enquiry: e, Request: r)))
            .OrderBy(x => x.Request.DueOn)
            .Select(x => new OverdueRequest
            {
                EnquiryId = x.Enquiry.Id.ToString(),
                OmbudsmanReference = x.Enquiry.OmbudsmanReference,
                RequestId = x.Request.Id.ToString(),
                DueOn = ToProto(x.Request.DueOn),
                WorkingDaysOverdue = calendar.Calendar.WorkingDaysBetween(x.Request.DueOn, today),
            });
        return new OverdueRequestList { Requests = { overdue } };
    }

    /// <summary>Every open remedy, soonest due first: LGSCO recommendations and the Housing Ombudsman's orders alike.</summary>
    public override async Task<OutstandingRecommendationList> ListOutstandingRecommendations(WorkspaceFilter request, ServerCallContext context)
    {
        var (enquiries, _, today) = await FilteredAsync(request, context);
        var recommendations = enquiries
            .SelectMany(e => e.Recommendations.Where(r => r.CompletedOn is null).Select(r => (Due: r.DueOn, Item: new OutstandingRecommendation
            {
                EnquiryId = e.Id.ToString(),
                OmbudsmanReference = e.OmbudsmanReference,
                Recommendation = EnquiryMapping.ToProto(r, e.DecidedOn, today),
                Overdue = r.DueOn < today,
                DueOn = ToProto(r.DueOn),
            })));
        var orders = enquiries
            .SelectMany(e => e.Orders.Where(o => o.CompletedOn is null).Select(o => (Due: o.ComplianceDueOn, Item: new OutstandingRecommendation
            {
                EnquiryId = e.Id.ToString(),
                OmbudsmanReference = e.OmbudsmanReference,
                Order = EnquiryMapping.ToProto(o, today),
                Overdue = o.ComplianceDueOn < today,
                DueOn = ToProto(o.ComplianceDueOn),
            })));
        return new OutstandingRecommendationList
        {
            Recommendations = { recommendations.Concat(orders).OrderBy(x => x.Due).ThenBy(x => x.Item.OmbudsmanReference).Select(x => x.Item) },
        };
    }

    public override async Task<CaseMatters> GetCaseMatters(GetCaseMattersRequest request, ServerCallContext context)
    {
        var reference = request.CaseReference.Trim();
        if (reference.Length == 0)
        {
            throw new Hosting.Errors.ValidationException([new Hosting.Errors.FieldViolation("case_reference", "is required")]);
        }
        var caller = Caller.From(context);
        var scope = Access.DirectorateScope(caller, null);
        var enquiries = await Query(scope).Where(e => e.CaseReference == reference).ToListAsync(context.CancellationToken);
        var now = clock.GetUtcNow();
        foreach (var e in enquiries)
        {
            ReadAudit.Add(db, caller, now, nameof(GetCaseMatters), AuditKinds.Enquiry, e.Id.ToString(), caseId: e.CaseId);
        }
        await db.SaveChangesAsync(context.CancellationToken);
        var calendar = await calendars.GetAsync(db, context.CancellationToken);
        var today = calendars.Today(calendar);
        return new CaseMatters
        {
            CaseReference = reference,
            Enquiries = { enquiries.OrderBy(e => e.ReceivedOn).Select(e => EnquiryMapping.ToProto(e, today, calendar.Calendar)) },
        };
    }

    public override async Task<ReminderList> ListReminders(ListRemindersRequest request, ServerCallContext context)
    {
        var scope = Access.DirectorateScope(Caller.From(context), null);
        var query = db.Reminders.AsNoTracking();
        if (request.PendingOnly)
        {
            query = query.Where(r => r.SentAt == null);
        }
        if (scope is not null)
        {
            var ids = db.Enquiries.Where(e => e.DirectorateId == scope).Select(e => e.Id);
            query = query.Where(r => ids.Contains(r.EnquiryId));
        }
        var reminders = await query.OrderBy(r => r.DueOn).ToListAsync(context.CancellationToken);
        return new ReminderList
        {
            Reminders =
            {
                reminders.Select(r => new Reminder
                {
                    Id = r.Id.ToString(),
                    EnquiryId = r.EnquiryId.ToString(),
                    Kind = r.Kind,
                    SubjectId = r.SubjectId.ToString(),
                    DueOn = ToProto(r.DueOn),
                    QueuedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(r.QueuedAt),
                    Sent = r.SentAt is not null,
                }),
            },
        };
    }

    private async Task<(List<EnquiryRecord> Enquiries, CouncilCalendar.Current Calendar, DateOnly Today)> FilteredAsync(
        WorkspaceFilter filter, ServerCallContext context)
    {
        var scope = Access.DirectorateScope(Caller.From(context), filter.DirectorateId);
        var query = Query(scope);
        if (filter.Ombudsman != global::ComplaintsPlatform.Ombudsman.V1.Ombudsman.Unspecified)
        {
            query = query.Where(e => e.Ombudsman == filter.Ombudsman);
        }
        if (filter.Year > 0)
        {
            var from = new DateOnly(filter.Year, 1, 1);
            var to = from.AddYears(1);
            query = query.Where(e => e.ReceivedOn >= from && e.ReceivedOn < to);
        }
        var enquiries = await query.ToListAsync(context.CancellationToken);
        var calendar = await calendars.GetAsync(db, context.CancellationToken);
        return (enquiries, calendar, calendars.Today(calendar));
    }

    private IQueryable<EnquiryRecord> Query(string? directorate)
    {
        var query = db.Enquiries.AsNoTracking().Include(e => e.Requests).Include(e => e.Correspondence).Include(e => e.Recommendations)
            .Include(e => e.HousingFindings).Include(e => e.Orders)
            .AsSplitQuery();
        return directorate is null ? query : query.Where(e => e.DirectorateId == directorate);
    }
}
