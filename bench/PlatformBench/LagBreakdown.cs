using Aspire.Hosting;
using Aspire.Hosting.Testing;
using ComplaintsPlatform.Intake.V1;
using Google.Protobuf.WellKnownTypes;
using Npgsql;

namespace ComplaintsPlatform.Bench.Platform;

/// <summary>One complaint's trip: when Triage answered, when the bench found the case, and the lag between.</summary>
internal sealed record Sample(string ContactId, string Reference, DateTime TriagedAt, DateTime FoundAt, double LagMs);

/// <summary>
/// Where the lag goes, from the rows the trip left: Intake's outbox row (recorded inside Triage's
/// transaction) and CaseWorkflow's inbox row (written in the transaction that opened the case). Printed
/// beside the end-to-end figure so a slow hop is seen, not guessed.
/// </summary>
internal static class LagBreakdown
{
    public static async Task PrintAsync(DistributedApplication app, IReadOnlyList<Sample> samples)
    {
        var outbox = new Dictionary<string, (Guid EventId, DateTime RecordedAt)>();
        await using (var intake = new NpgsqlConnection(await app.GetConnectionStringAsync("intake-db")))
        {
            await intake.OpenAsync();
            await using var cmd = new NpgsqlCommand("SELECT event_id, recorded_at, payload FROM intake.outbox_events WHERE event_type LIKE '%.ContactTriaged'", intake);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var triaged = Any.Parser.ParseFrom((byte[])reader[2]).Unpack<ContactTriaged>();
                outbox[triaged.ContactId] = (reader.GetGuid(0), DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc));
            }
        }
        var applied = new Dictionary<Guid, DateTime>();
        await using (var cases = new NpgsqlConnection(await app.GetConnectionStringAsync("case-workflow-db")))
        {
            await cases.OpenAsync();
            await using var cmd = new NpgsqlCommand("SELECT event_id, processed_at FROM caseworkflow.processed_events WHERE source = 'intake'", cases);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                applied[reader.GetGuid(0)] = DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc);
            }
        }
        var hops = samples
            .Where(s => outbox.ContainsKey(s.ContactId) && applied.ContainsKey(outbox[s.ContactId].EventId))
            .Select(s =>
            {
                var (eventId, recordedAt) = outbox[s.ContactId];
                var appliedAt = applied[eventId];
                return (Feed: (appliedAt - recordedAt).TotalMilliseconds, Found: (s.FoundAt - appliedAt).TotalMilliseconds,
                    Answer: (s.TriagedAt - recordedAt).TotalMilliseconds);
            })
            .ToList();
        Console.WriteLine();
        Console.WriteLine($"Where it goes ({hops.Count} of {samples.Count} trips traced; one machine, one clock):");
        Console.WriteLine();
        Console.WriteLine("| hop | p50 ms | p95 ms | p99 ms |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        Row("outbox row recorded → Triage's answer at the bench (commit, reply through the gateway)", hops.Select(h => h.Answer));
        Row("outbox row recorded → CaseWorkflow applied it (commit, sequencer, feed, consumer)", hops.Select(h => h.Feed));
        Row("applied → the bench's FindCaseByReference found it (commit, 5 ms polling through the gateway)", hops.Select(h => h.Found));
    }

    private static void Row(string name, IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return;
        }
        double P(double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
        Console.WriteLine($"| {name} | {P(0.50):F0} | {P(0.95):F0} | {P(0.99):F0} |");
    }
}
