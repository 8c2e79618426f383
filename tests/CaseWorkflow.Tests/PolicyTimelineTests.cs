using ComplaintsPlatform.CaseWorkflow.Domain.Procedures;
using ComplaintsPlatform.CaseWorkflow.V1;
using Google.Protobuf.WellKnownTypes;
using Xunit;
using Date = Google.Type.Date;

namespace ComplaintsPlatform.CaseWorkflow.Tests;

/// <summary>Which policy version governs a day: the latest to have come into force by then, ties to the higher version.</summary>
public sealed class PolicyTimelineTests
{
    private static readonly Calendar.CouncilClock s_london = new(Calendar.BankHolidayData.Shipped, Calendar.CouncilCalendarSettings.Default);

    [Fact]
    public void A_version_back_dated_for_history_governs_its_past_but_not_today_so_the_current_version_stays_in_force()
    {
        var timeline = new PolicyTimeline([Version(1, recorded: new(2025, 6, 1)), Version(2, recorded: new(2025, 9, 1), from: new(2021, 1, 1))], s_london);

        Assert.Equal(1, timeline.InForceOn(ComplaintStream.Corporate, new(2025, 12, 1))!.Version);
        Assert.Equal(2, timeline.InForceOn(ComplaintStream.Corporate, new(2022, 5, 25))!.Version);
        Assert.Equal(1, timeline.InForceOn(ComplaintStream.Corporate, new(2025, 6, 1))!.Version);
        Assert.Equal(2, timeline.InForceOn(ComplaintStream.Corporate, new(2025, 5, 31))!.Version);
    }

    [Fact]
    public void A_later_version_recorded_normally_replaces_the_one_in_force_from_its_recording_day()
    {
        var timeline = new PolicyTimeline([Version(1, recorded: new(2025, 6, 1)), Version(2, recorded: new(2025, 9, 1))], s_london);

        Assert.Equal(1, timeline.InForceOn(ComplaintStream.Corporate, new(2025, 8, 31))!.Version);
        Assert.Equal(2, timeline.InForceOn(ComplaintStream.Corporate, new(2025, 9, 1))!.Version);
    }

    [Fact]
    public void Two_versions_in_force_from_the_same_day_resolve_to_the_higher_version()
    {
        var timeline = new PolicyTimeline([Version(2, recorded: new(2025, 9, 1), from: new(2024, 1, 1)), Version(1, recorded: new(2024, 1, 1))], s_london);

        Assert.Equal(2, timeline.InForceOn(ComplaintStream.Corporate, new(2025, 1, 1))!.Version);
    }

    [Fact]
    public void A_day_older_than_every_version_is_read_under_the_earliest_and_an_unknown_stream_has_none()
    {
        var timeline = new PolicyTimeline([Version(1, recorded: new(2025, 6, 1)), Version(2, recorded: new(2025, 9, 1), from: new(2021, 1, 1))], s_london);

        Assert.Equal(2, timeline.InForceOn(ComplaintStream.Corporate, new(2019, 1, 1))!.Version);
        Assert.Null(timeline.InForceOn(ComplaintStream.Housing, new(2025, 1, 1)));
    }

    private static ProcedurePolicy Version(int version, DateOnly recorded, DateOnly? from = null) => new()
    {
        Stream = ComplaintStream.Corporate,
        Version = version,
        RecordedAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(recorded.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero)),
        EffectiveFrom = from is { } d ? new Date { Year = d.Year, Month = d.Month, Day = d.Day } : null,
    };
}
