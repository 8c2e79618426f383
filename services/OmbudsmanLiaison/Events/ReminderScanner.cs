using ComplaintsPlatform.Messaging.Outbox;
using ComplaintsPlatform.Ombudsman.V1;
using ComplaintsPlatform.OmbudsmanLiaison.Data;
using ComplaintsPlatform.OmbudsmanLiaison.Domain;
using Microsoft.EntityFrameworkCore;
using static ComplaintsPlatform.OmbudsmanLiaison.Domain.FactDates;

namespace ComplaintsPlatform.OmbudsmanLiaison.Events;

/// <summary>
/// Queues a reminder for every open deadline due within <see cref="LeadWorkingDays"/> working days:
/// a queue entry the link officers work from and a <c>ReminderDue</c> event (Intake sends the one
/// email). Each deadline date is reminded once; a recomputed deadline is reminded again.
/// </summary>
public sealed class ReminderScanner(OmbudsmanLiaisonDbContext db, CouncilCalendar calendars, IOutbox outbox, TimeProvider clock)
{
    public const int LeadWorkingDays = 2;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var calendar = await calendars.GetAsync(db, ct);
        var today = calendars.Today(calendar);
        var enquiries = await db.Enquiries.AsNoTracking().Include(e => e.Requests).Include(e => e.Recommendations).Include(e => e.Orders).AsSplitQuery()
            .Where(e => e.Requests.Any(r => r.RepliedOn == null) || e.Recommendations.Any(r => r.CompletedOn == null) || e.Orders.Any(o => o.CompletedOn == null)
                || (e.CommentsDueOn != null && e.CommentsSentOn == null && e.DecidedOn == null)
                || (e.PublicNoticeDueOn != null && e.PublicNoticeGivenOn == null)
                || (e.ReportResponseDueOn != null && e.ReportResponseSentOn == null))
            .ToListAsync(ct);
        var due = enquiries
            .SelectMany(e => OpenDeadlines.Of(e).Select(d => (Enquiry: e, Deadline: d)))
            .Where(x => x.Deadline.DueOn >= today && calendar.Calendar.WorkingDaysBetween(today, x.Deadline.DueOn) <= LeadWorkingDays)
            .ToList();
        if (due.Count == 0)
        {
            return 0;
        }
        var subjects = due.Select(x => x.Deadline.SubjectId).ToList();
        var queued = (await db.Reminders.Where(r => subjects.Contains(r.SubjectId)).Select(r => new { r.Kind, r.SubjectId, r.DueOn }).ToListAsync(ct))
            .Select(r => (r.Kind, r.SubjectId, r.DueOn)).ToHashSet();
        var added = 0;
        foreach (var (enquiry, deadline) in due.Where(x => !queued.Contains((x.Deadline.Kind, x.Deadline.SubjectId, x.Deadline.DueOn))))
        {
            var reminder = new ReminderRecord
            {
                Id = Guid.CreateVersion7(),
                EnquiryId = enquiry.Id,
                Kind = deadline.Kind,
                SubjectId = deadline.SubjectId,
                DueOn = deadline.DueOn,
                QueuedAt = clock.GetUtcNow(),
            };
            db.Reminders.Add(reminder);
            outbox.Add(db, new ReminderDue
            {
                ReminderId = reminder.Id.ToString(),
                EnquiryId = enquiry.Id.ToString(),
                Kind = deadline.Kind,
                SubjectId = deadline.SubjectId.ToString(),
                DueOn = ToProto(deadline.DueOn),
            });
            added++;
        }
        await db.SaveChangesAsync(ct);
        return added;
    }
}

/// <summary>Runs the scanner every <c>Ombudsman:ReminderInterval</c> (default one hour) once the database is ready.</summary>
public sealed class ReminderService(IServiceProvider services, IConfiguration configuration, ILogger<ReminderService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue("Ombudsman:ReminderInterval", TimeSpan.FromHours(1));
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                var queued = await scope.ServiceProvider.GetRequiredService<ReminderScanner>().RunAsync(stoppingToken);
                if (queued > 0)
                {
                    logger.LogInformation("Queued {Count} Ombudsman deadline reminders", queued);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Another replica queued the same reminder first (unique index), or the database is away: next tick.
                logger.LogWarning("Reminder scan failed ({ExceptionType}); retrying at the next interval", ex.GetType().Name);
            }
        }
    }
}
