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
/// The rebuild rate: generated Intake and CaseWorkflow events replayed from two feeds through
/// Reporting's real consumers (inbox, checkpoint, the handlers), with a given batch size.
/// </summary>
internal static class Replay
{
    public static async Task<(long Events, TimeSpan Elapsed)> RunAsync(DbContextOptions<ReportingDbContext> options, string connection, int cases, int batchSize)
    {
        var events = Generate(cases, $"replay-b{batchSize}-").ToList();
        await using var consumers = await LiveConsumers.StartAsync(options, connection, batchSize);
        var watch = Stopwatch.StartNew();
        foreach (var (source, message) in events)
        {
            (source == "intake" ? consumers.Intake : consumers.CaseWorkflow).Publish(message);
        }
        await consumers.CaughtUpAsync(options);
        return (events.Count, watch.Elapsed);
    }

    public static IEnumerable<(string Source, IMessage Message)> Generate(int cases, string prefix)
    {
        var random = new Random(5);
        for (var i = 0; i < cases; i++)
        {
            var received = new DateOnly(2024, 4, 1).AddDays(random.Next(365));
            var at = Timestamp.FromDateTime(received.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc));
            var area = "sa-" + random.Next(BulkLoad.Areas);
            var caseId = prefix + i;
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
