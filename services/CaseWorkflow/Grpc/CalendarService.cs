using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.Calendar.V1;
using ComplaintsPlatform.CaseWorkflow.Configuration;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Errors;
using Google.Type;
using Grpc.Core;

namespace ComplaintsPlatform.CaseWorkflow.Grpc;

/// <summary>Working-day answers under the council's calendar, with the reasons, for any signed-in role.</summary>
public sealed class CalendarService(CouncilState state) : Calendar.V1.Calendar.CalendarBase
{
    private const int MaxWorkingDays = 2000;

    public override Task<Deadline> ComputeDeadline(ComputeDeadlineRequest request, ServerCallContext context)
    {
        var v = new Validator();
        v.Require(request.Stream != ComplaintStream.Unspecified && System.Enum.IsDefined(request.Stream), "stream", "is required and must be a known stream");
        v.Require(request.WorkingDays is >= 0 and <= MaxWorkingDays, "working_days", $"must be between 0 and {MaxWorkingDays}");
        v.Require(request.StartCase != ComputeDeadlineRequest.StartOneofCase.None, "start", "give received_at or start_date");
        var startDate = request.StartCase == ComputeDeadlineRequest.StartOneofCase.StartDate ? ToDateOnly(request.StartDate, "start_date", v) : default;
        v.ThrowIfInvalid();

        var calendar = state.Current.Calendars.For(request.Stream);
        var explanation = Guard(() => request.StartCase == ComputeDeadlineRequest.StartOneofCase.ReceivedAt
            ? calendar.ExplainAddWorkingDays(request.ReceivedAt.ToDateTimeOffset(), request.WorkingDays)
            : calendar.ExplainAddWorkingDays(startDate, request.WorkingDays));
        return Task.FromResult(new Deadline
        {
            DueDate = ToDate(explanation.Due),
            EffectiveStart = ToDate(explanation.EffectiveStartDay),
            EffectiveStartReason = explanation.EffectiveStartReason,
            SkippedDays = { explanation.SkippedDays.Select(d => new SkippedDay { Date = ToDate(d.Date), Reason = d.Description }) },
            CalendarVersion = state.Current.Calendars.Version,
            Division = explanation.Division.ToString(),
            Statute = explanation.Statute,
            Explanation = explanation.ToString(),
        });
    }

    public override Task<IsWorkingDayReply> IsWorkingDay(IsWorkingDayRequest request, ServerCallContext context)
    {
        var v = new Validator();
        v.Require(request.Stream != ComplaintStream.Unspecified && System.Enum.IsDefined(request.Stream), "stream", "is required and must be a known stream");
        var date = ToDateOnly(request.Date, "date", v);
        v.ThrowIfInvalid();
        var why = Guard(() => state.Current.Calendars.For(request.Stream).WhyNotWorking(date));
        return Task.FromResult(new IsWorkingDayReply { WorkingDay = why is null, Reason = why?.Description ?? "Working day" });
    }

    public override Task<CountWorkingDaysReply> CountWorkingDays(CountWorkingDaysRequest request, ServerCallContext context)
    {
        var v = new Validator();
        v.Require(request.Stream != ComplaintStream.Unspecified && System.Enum.IsDefined(request.Stream), "stream", "is required and must be a known stream");
        var from = ToDateOnly(request.From, "from", v);
        var to = ToDateOnly(request.To, "to", v);
        v.ThrowIfInvalid();
        var count = Guard(() => state.Current.Calendars.For(request.Stream).WorkingDaysBetween(from, to));
        return Task.FromResult(new CountWorkingDaysReply { WorkingDays = count });
    }

    private static T Guard<T>(Func<T> compute)
    {
        try
        {
            return compute();
        }
        catch (CalendarRangeException ex)
        {
            throw new ValidationException([new FieldViolation("date", ex.Message)]);
        }
    }

    internal static DateOnly ToDateOnly(Date? date, string field, Validator v)
    {
        if (!ProtoDates.TryToDateOnly(date, out var value))
        {
            v.Add(field, "is not a valid date");
        }
        return value;
    }

    internal static Date ToDate(DateOnly d) => d.ToProto();
}
