using System.Diagnostics;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.Messaging.Consumers;
using ComplaintsPlatform.Messaging.Feed;
using ComplaintsPlatform.Reporting.Data;
using ComplaintsPlatform.Reporting.Domain;
using ComplaintsPlatform.Reporting.Events;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Reporting.Bench;

/// <summary>
/// The replay rate through the real handlers: each event in its own transaction with its inbox row,
/// as the feed consumer applies it (without the gRPC stream and checkpoint row lock).
/// </summary>
internal static class Replay
{
    public static async Task<(long Events, TimeSpan Elapsed)> RunAsync(DbContextOptions<ReportingDbContext> options, int cases)
    {
        var intake = new IntakeHandler();
        var workflow = new CaseWorkflowHandler(new CouncilDates());
        var events = Generate(cases).ToList();
        var watch = Stopwatch.StartNew();
        foreach (var (source, message) in events)
        {
            await using var db = new ReportingDbContext(options);
            await using var tx = await db.Database.BeginTransactionAsync();
            var evt = new FeedEvent { EventId = Guid.CreateVersion7().ToString(), Payload = Any.Pack(message) };
            await (source == "intake" ? intake.HandleAsync(db, evt, default) : workflow.HandleAsync(db, evt, default));
            db.Add(new ProcessedEvent { Consumer = "reporting", EventId = Guid.Parse(evt.EventId), Source = source, Position = 0, ProcessedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        }
        return (events.Count, watch.Elapsed);
    }

    private static IEnumerable<(string Source, IMessage Message)> Generate(int cases)
    {
        var random = new Random(5);
        for (var i = 0; i < cases; i++)
        {
            var received = new DateOnly(2024, 4, 1).AddDays(random.Next(365));
            var at = Timestamp.FromDateTime(received.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc));
            var area = "sa-" + random.Next(BulkLoad.Areas);
            var caseId = $"replay-{i}";
            CaseEventHeader Header(DateOnly on) => new() { CaseId = caseId, Stream = ComplaintStream.Corporate, Stage = 1, OccurredOn = new Google.Type.Date { Year = on.Year, Month = on.Month, Day = on.Day } };
            yield return ("intake", new ContactReceived { ContactId = caseId, Kind = ContactKind.Complaint, Channel = Channel.Email, ReceivedAt = at, ServiceAreaId = area });
            yield return ("intake", new ContactTriaged { ContactId = caseId, Kind = ContactKind.Complaint, Decision = TriageDecision.Complaint, Channel = Channel.Email, ReceivedAt = at, TriagedAt = at, ServiceAreaId = area });
            yield return ("caseworkflow", new CaseOpened { Header = Header(received), ServiceAreaId = area, ReceivedAt = at });
            yield return ("caseworkflow", new CaseAllocated { Header = Header(received), ServiceAreaId = area, TeamId = area + "-team" });
            yield return ("caseworkflow", new CaseAcknowledged { Header = Header(received.AddDays(2)), WithinDeadline = true });
            yield return ("caseworkflow", new ResponseSent { Header = Header(received.AddDays(15)), Overall = (Finding)random.Next(1, 5), WithinOriginalDeadline = true, WithinExtendedDeadline = true });
        }
    }
}
