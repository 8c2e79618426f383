using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.CaseWorkflow.Data;
using ComplaintsPlatform.CaseWorkflow.Domain.Directory;
using ComplaintsPlatform.CaseWorkflow.Events;
using ComplaintsPlatform.CaseWorkflow.V1;
using Google.Protobuf.WellKnownTypes;
using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Retention;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.CaseWorkflow.Configuration;

/// <summary>Records a new configuration version and its events in one transaction.</summary>
internal static class ConfigurationRecorder
{
    public static async Task<CouncilConfiguration> RecordAsync(
        CaseWorkflowDbContext db, ConfigurationEvents events, DeadlineRecalculator deadlines, BankHolidayData bankHolidays,
        CouncilConfiguration configuration, string recordedBy, string changeReason, CancellationToken ct)
    {
        var previous = await db.ConfigurationVersions.AsNoTracking().OrderByDescending(c => c.Version).FirstOrDefaultAsync(ct);
        var calendarVersion = CouncilCalendars.VersionOf(bankHolidays, configuration.Council);
        configuration.RecordedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow);
        configuration.RecordedBy = recordedBy;
        configuration.ChangeReason = changeReason;
        // Every version states the whole schedule, so what each service applies is never a guess; a change
        // that leaves the schedule out keeps the one in force.
        IEnumerable<RetentionRule> rules = configuration.Retention is { Rules.Count: > 0 } given ? given.Rules
            : previous is null ? [] : ProtoJson.Read<CouncilConfiguration>(previous.Document).Retention?.Rules ?? [];
        configuration.Retention = new RetentionRules { Rules = { RetentionSchedule.Complete(rules) } };
        db.ConfigurationVersions.Add(new ConfigurationRecord
        {
            Version = configuration.Version,
            Document = ProtoJson.Write(configuration),
            RecordedAt = configuration.RecordedAt.ToDateTimeOffset(),
            RecordedBy = recordedBy,
            Source = configuration.Source,
            ChangeReason = changeReason,
            CalendarVersion = calendarVersion,
        });
        events.ConfigurationRecorded(db, configuration, calendarVersion, previous?.CalendarVersion);
        if (previous is not null && previous.CalendarVersion != calendarVersion)
        {
            await deadlines.RecomputeAsync(db, new CouncilCalendars(bankHolidays, configuration.Council),
                "the council's calendar settings changed", ct);
        }
        await db.SaveChangesAsync(ct);
        return configuration;
    }
}
