using System.Diagnostics;
using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.Intake.Data;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Intake.Events;

/// <summary>
/// The council's clock as CaseWorkflow last announced it with its configuration (England and Wales,
/// UK time, 17:00, no closures until then). Read from the configuration row at most every 30 seconds,
/// so every replica follows a change whichever one applied it; one clock is built per settings.
/// </summary>
public sealed class CouncilClockSource(CouncilClocks clocks)
{
    private static readonly TimeSpan ReadAgainAfter = TimeSpan.FromSeconds(30);
    private volatile Cached? _cached;

    private sealed record Cached(CouncilClock Clock, long ReadAt);

    public async ValueTask<CouncilClock> GetAsync(IntakeDbContext db, CancellationToken ct)
    {
        if (_cached is { } cached && Stopwatch.GetElapsedTime(cached.ReadAt) < ReadAgainAfter)
        {
            return cached.Clock;
        }
        var readAt = Stopwatch.GetTimestamp();
        var state = await db.ConfigurationState.AsNoTracking().FirstOrDefaultAsync(ct);
        var clock = state is null ? clocks.Default
            : clocks.For(CouncilCalendarSettings.From(state.Division, state.TimeZone, state.CloseOfBusiness, state.ClosureDays));
        _cached = new Cached(clock, readAt);
        return clock;
    }

    /// <summary>This replica has just applied new settings: the next caller reads them.</summary>
    public void Forget() => _cached = null;
}
