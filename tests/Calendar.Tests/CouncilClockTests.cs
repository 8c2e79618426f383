using ComplaintsPlatform.CaseWorkflow.V1;
using Google.Protobuf.WellKnownTypes;
using static ComplaintsPlatform.Calendar.Tests.Support.Calendars;
using Date = Google.Type.Date;

namespace ComplaintsPlatform.Calendar.Tests;

/// <summary>The council clock every service converts and counts with, built from the settings CaseWorkflow publishes.</summary>
public class CouncilClockTests
{
    private static readonly CouncilClock UkTime = new(BankHolidayData.Shipped, CouncilCalendarSettings.Default);

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    // As CaseWorkflow publishes it on CouncilConfigurationChanged (and CalendarChanged).
    private static CouncilSettings ScottishCouncil() => new()
    {
        Name = "Test Scottish Council",
        Division = CaseWorkflow.V1.Division.Scotland,
        TimeZone = "Europe/London",
        CloseOfBusiness = "16:30",
        ClosureDays = { new Date { Year = 2026, Month = 12, Day = 29 } },
    };

    [Theory]
    [InlineData("2026-03-28T23:59:59Z", "2026-03-28")] // GMT: the UTC date
    [InlineData("2026-03-29T00:30:00Z", "2026-03-29")] // still GMT, half an hour before the clocks go forward
    [InlineData("2026-03-29T22:59:59Z", "2026-03-29")] // 23:59:59 BST
    [InlineData("2026-03-29T23:00:00Z", "2026-03-30")] // BST midnight is 23:00 UTC the day before
    [InlineData("2026-10-24T22:59:59Z", "2026-10-24")] // 23:59:59 BST
    [InlineData("2026-10-24T23:00:00Z", "2026-10-25")] // BST midnight, the night the clocks go back
    [InlineData("2026-10-25T00:30:00Z", "2026-10-25")] // 01:30 BST, the first of the repeated hour
    [InlineData("2026-10-25T01:30:00Z", "2026-10-25")] // 01:30 GMT, the second
    [InlineData("2026-10-25T23:59:59Z", "2026-10-25")] // GMT again: the UTC date
    public void A_timestamp_is_dated_in_the_councils_zone_across_both_clock_changes(string instant, string local)
    {
        var at = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(DateOnly.Parse(local, System.Globalization.CultureInfo.InvariantCulture), UkTime.LocalDate(Timestamp.FromDateTimeOffset(at)));
        Assert.Equal(UkTime.LocalDate(at), UkTime.WorkingDays.LocalDate(at));
    }

    [Fact]
    public void A_local_day_starts_at_its_midnight_in_GMT_or_BST_and_a_skipped_or_repeated_time_takes_its_earliest_instant()
    {
        Assert.Equal(Utc(2026, 3, 29, 0), UkTime.StartOf(D(2026, 3, 29)));
        Assert.Equal(Utc(2026, 3, 29, 23), UkTime.StartOf(D(2026, 3, 30)));
        Assert.Equal(Utc(2026, 10, 24, 23), UkTime.StartOf(D(2026, 10, 25)));
        Assert.Equal(Utc(2026, 10, 26, 0), UkTime.StartOf(D(2026, 10, 26)));
        // 01:30 does not exist on 29 March (01:00 GMT becomes 02:00 BST): the first moment after it.
        Assert.Equal(Utc(2026, 3, 29, 1), UkTime.At(D(2026, 3, 29), new TimeOnly(1, 30)));
        // 01:30 happens twice on 25 October: the first time, in BST.
        Assert.Equal(Utc(2026, 10, 25, 0, 30), UkTime.At(D(2026, 10, 25), new TimeOnly(1, 30)));
    }

    [Fact]
    public void Every_day_of_a_year_round_trips_from_its_start_and_the_instant_before_belongs_to_the_day_before()
    {
        for (var day = D(2026, 1, 1); day <= D(2026, 12, 31); day = day.AddDays(1))
        {
            var start = UkTime.StartOf(day);
            Assert.Equal(day, UkTime.LocalDate(start));
            Assert.Equal(day.AddDays(-1), UkTime.LocalDate(start.AddTicks(-1)));
        }
    }

    [Fact]
    public void Dates_convert_to_and_from_google_type_Date_and_not_given_or_unreal_dates_are_refused()
    {
        Assert.Equal(D(2026, 2, 28), new Date { Year = 2026, Month = 2, Day = 28 }.ToDateOnly());
        Assert.Equal(new Date { Year = 2026, Month = 2, Day = 28 }, D(2026, 2, 28).ToProto());
        Assert.Null(((DateOnly?)null).ToProto());
        Assert.Null(new Date().ToDateOnlyOrNull());
        Assert.Null(new Date { Year = 2026, Month = 2, Day = 29 }.ToDateOnlyOrNull());
        Assert.False(ProtoDates.TryToDateOnly(null, out _));
        Assert.Throws<ArgumentException>(() => new Date { Year = 2026, Month = 13, Day = 1 }.ToDateOnly());
    }

    [Fact]
    public void A_Scotland_council_counts_Scottish_bank_holidays_and_its_closures_not_the_English_ones()
    {
        var scotland = new CouncilClock(BankHolidayData.Shipped, CouncilCalendarSettings.From(ScottishCouncil())).WorkingDays;

        Assert.Equal(Division.Scotland, scotland.Division);
        foreach (var holiday in new[] { D(2026, 1, 2), D(2026, 8, 3), D(2026, 11, 30), D(2026, 6, 15) })
        {
            Assert.Equal(NonWorkingReason.BankHoliday, scotland.WhyNotWorking(holiday)!.Reasons);
        }
        // England and Wales' Easter Monday and summer bank holiday are ordinary working days in Scotland.
        Assert.True(scotland.IsWorkingDay(D(2026, 4, 6)));
        Assert.True(scotland.IsWorkingDay(D(2026, 8, 31)));
        Assert.Equal(NonWorkingReason.ClosureDay, scotland.WhyNotWorking(D(2026, 12, 29))!.Reasons);
        // Received on 31 December: Scotland skips 1 and 2 January, England and Wales only the 1st.
        Assert.Equal(D(2026, 1, 7), scotland.AddWorkingDays(London(2025, 12, 31, 10), 3));
        Assert.Equal(D(2026, 1, 6), UkTime.WorkingDays.AddWorkingDays(London(2025, 12, 31, 10), 3));
        // Its close of business (16:30), not the default 17:00.
        Assert.Equal(D(2026, 1, 5), scotland.ReceivedOn(London(2025, 12, 31, 16, 45)));
    }

    [Fact]
    public void Settings_kept_by_a_consuming_service_give_back_the_clock_CaseWorkflow_publishes()
    {
        var published = CouncilCalendarSettings.From(ScottishCouncil());
        // What Intake, Reporting and OmbudsmanLiaison keep: the division's gov.uk key, zone, HH:mm, closure days.
        var kept = CouncilCalendarSettings.From(published.Division.ToGovUkKey(), published.TimeZoneId, published.CloseOfBusinessText, published.ClosureDays);
        var clocks = new CouncilClocks(BankHolidayData.Shipped);

        Assert.Equal(("scotland", "16:30"), (published.Division.ToGovUkKey(), published.CloseOfBusinessText));
        Assert.Same(clocks.For(published), clocks.For(kept));
        Assert.Equal(new CouncilClock(BankHolidayData.Shipped, published).Version, clocks.For(kept).Version);
        Assert.NotEqual(clocks.Default.Version, clocks.For(kept).Version);
        Assert.Equal(D(2026, 1, 7), clocks.For(kept).WorkingDays.AddWorkingDays(London(2025, 12, 31, 10), 3));
    }

    [Fact]
    public void A_council_that_has_not_said_otherwise_is_England_and_Wales_in_UK_time_closing_at_17_00()
    {
        var unset = CouncilCalendarSettings.From(new CouncilSettings { Name = "Not yet configured" });

        Assert.Equal((Division.EnglandAndWales, "Europe/London", "17:00"), (unset.Division, unset.TimeZoneId, unset.CloseOfBusinessText));
        Assert.Equal(CouncilClock.VersionOf(BankHolidayData.Shipped, CouncilCalendarSettings.Default), CouncilClock.VersionOf(BankHolidayData.Shipped, unset));
        Assert.False(CouncilCalendarSettings.IsKnownTimeZone("Mars/Olympus_Mons"));
        Assert.Throws<TimeZoneNotFoundException>(() => new CouncilClock(BankHolidayData.Shipped, CouncilCalendarSettings.Default with { TimeZoneId = "Mars/Olympus_Mons" }));
    }
}
