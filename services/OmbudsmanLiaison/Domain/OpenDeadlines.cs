using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.Ombudsman.V1;
using ComplaintsPlatform.OmbudsmanLiaison.Data;

namespace ComplaintsPlatform.OmbudsmanLiaison.Domain;

public sealed record OpenDeadline(DeadlineKind Kind, Guid SubjectId, DateOnly DueOn);

/// <summary>
/// What an enquiry still owes the Ombudsman, and how urgent: red when overdue or due today, amber
/// within <see cref="AmberWorkingDays"/> working days, green otherwise.
/// </summary>
public static class OpenDeadlines
{
    public const int AmberWorkingDays = 3;

    /// <summary>A recommendation still open this long after the decision is a delayed remedy.</summary>
    public const int DelayedAfterMonths = 12;

    public static IEnumerable<OpenDeadline> Of(EnquiryRecord enquiry)
    {
        foreach (var request in enquiry.Requests.Where(r => r.RepliedOn is null))
        {
            yield return new OpenDeadline(DeadlineKind.InformationRequest, request.Id, request.DueOn);
        }
        if (enquiry.CommentsDueOn is { } commentsDue && enquiry.CommentsSentOn is null && !enquiry.IsDecided)
        {
            yield return new OpenDeadline(DeadlineKind.DraftComments, enquiry.Id, commentsDue);
        }
        foreach (var recommendation in enquiry.Recommendations.Where(r => r.CompletedOn is null))
        {
            yield return new OpenDeadline(DeadlineKind.Recommendation, recommendation.Id, recommendation.DueOn);
        }
        foreach (var order in enquiry.Orders.Where(o => o.CompletedOn is null))
        {
            yield return new OpenDeadline(DeadlineKind.Order, order.Id, order.ComplianceDueOn);
        }
        if (enquiry.PublicNoticeDueOn is { } noticeDue && enquiry.PublicNoticeGivenOn is null)
        {
            yield return new OpenDeadline(DeadlineKind.PublicNotice, enquiry.Id, noticeDue);
        }
        if (enquiry.ReportResponseDueOn is { } responseDue && enquiry.ReportResponseSentOn is null)
        {
            yield return new OpenDeadline(DeadlineKind.PublicInterestResponse, enquiry.Id, responseDue);
        }
    }

    public static OpenDeadline? Next(EnquiryRecord enquiry) =>
        Of(enquiry).OrderBy(d => d.DueOn).ThenBy(d => d.Kind).FirstOrDefault();

    public static Rag RagOf(OpenDeadline? next, DateOnly today, WorkingDayCalendar calendar)
    {
        if (next is null)
        {
            return Rag.Unspecified;
        }
        if (next.DueOn <= today)
        {
            return Rag.Red;
        }
        return calendar.WorkingDaysBetween(today, next.DueOn) <= AmberWorkingDays ? Rag.Amber : Rag.Green;
    }

    public static bool IsDelayed(RecommendationRecord recommendation, DateOnly? decidedOn, DateOnly today) =>
        decidedOn is { } decided
        && (recommendation.CompletedOn ?? today) > CalendarPeriods.AddMonths(decided, DelayedAfterMonths);
}
