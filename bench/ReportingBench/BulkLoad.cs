using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.Reporting.Domain;
using ComplaintsPlatform.Reporting.Events;
using Npgsql;
using NpgsqlTypes;

namespace ComplaintsPlatform.Reporting.Bench;

/// <summary>One generated case, as a flat row: what the plain-SQL comparison scans.</summary>
internal sealed record FlatCase(
    int Area, int Team, int Directorate, short Stream, short Channel, DateOnly Received, DateOnly Ack, bool AckOnTime,
    short Ending, DateOnly? Responded, short Finding, bool WithinOriginal, bool WithinExtended, bool Extended, int Days,
    DateOnly? EscalationRequested, DateOnly? EscalationDecided, bool EscalationAccepted, DateOnly? Stage2Responded, int Stage2Days,
    string? RemedyType, long RemedyPence, DateOnly? RemedyOn, DateOnly? LessonOn, string? Nature, int Actions);

/// <summary>
/// Generates cases and writes, by COPY, both the counters the handlers would have produced for them
/// (the same keys as CaseWorkflowHandler and IntakeHandler) and a flat case table.
/// </summary>
internal static class BulkLoad
{
    public const int Areas = 40;

    public static async Task<(long CounterRows, int Cases)> RunAsync(string connection, int count)
    {
        var random = new Random(11);
        var clock = new CouncilClocks(BankHolidayData.Shipped).Default;
        var counters = new Dictionary<CounterKey, (long Count, long Amount)>();
        await using var conn = new NpgsqlConnection(connection);
        await conn.OpenAsync();
        await using (var create = new NpgsqlCommand("""
            CREATE TABLE reporting.bench_cases (area int, team int, directorate int, stream smallint, channel smallint, received_on date,
              ack_on date, ack_on_time bool, ending smallint, responded_on date, finding smallint, within_original bool, within_extended bool,
              extended bool, days int, escalation_requested_on date, escalation_decided_on date, escalation_accepted bool,
              stage2_responded_on date, stage2_days int, remedy_type text, remedy_pence bigint, remedy_on date, lesson_on date, nature text, actions int)
            """, conn))
        {
            await create.ExecuteNonQueryAsync();
        }
        await using (var dir = new NpgsqlCommand(
            "INSERT INTO reporting.directory (kind, id, parent_id, name) SELECT 'service_area', 'sa-' || n, 'dir-' || (n / 5), 'Service area ' || n FROM generate_series(0, 39) n " +
            "UNION ALL SELECT 'directorate', 'dir-' || n, '', 'Directorate ' || n FROM generate_series(0, 7) n " +
            "UNION ALL SELECT 'team', 'team-' || n, 'sa-' || (n / 2), 'Team ' || n FROM generate_series(0, 79) n", conn))
        {
            await dir.ExecuteNonQueryAsync();
        }

        void Add(CounterKey key, DateOnly received, DateOnly happened, long amount = 0)
        {
            foreach (var (basis, day) in new[] { (CounterBatch.Received, received), (CounterBatch.Resolved, happened) })
            {
                foreach (var k in Grains.Of(key with { Basis = basis, Month = CounterBatch.MonthOf(day) }))
                {
                    counters[k] = counters.TryGetValue(k, out var was) ? (was.Count + 1, was.Amount + amount) : (1, amount);
                }
            }
        }

        var start = new DateOnly(2020, 4, 1);
        await using (var copy = await conn.BeginBinaryImportAsync("COPY reporting.bench_cases FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < count; i++)
            {
                var c = Generate(random, start, clock);
                var sa = "sa-" + c.Area;
                var team = "team-" + c.Team;
                CounterKey K(string metric, int stage, string code) => new(metric, 0, default, sa, "", team, c.Stream, (short)stage, 0, 0, code);
                Add(new(Metrics.Contact, 0, default, sa, "", "", 0, 0, c.Channel, 1, ""), c.Received, c.Received);
                Add(new(Metrics.Triage, 0, default, sa, "", "", 0, 0, c.Channel, 1, "Complaint"), c.Received, c.Received.AddDays(1));
                Add(K(Metrics.Opened, 1, ""), c.Received, c.Received);
                Add(K(Metrics.Ack, 1, c.AckOnTime ? "on_time" : "late"), c.Received, c.Ack);
                if (c.Responded is not { } responded)
                {
                    Add(K(Metrics.Ending, 1, "Withdrawn"), c.Received, c.Received.AddDays(5));
                }
                else
                {
                    Add(K(Metrics.Response, 1, "total"), c.Received, responded);
                    Add(K(Metrics.Response, 1, c.WithinOriginal ? "orig" : c.WithinExtended ? "ext_only" : "over"), c.Received, responded);
                    if (c.Extended)
                    {
                        Add(K(Metrics.Response, 1, "extended"), c.Received, responded);
                    }
                    Add(K(Metrics.ResponseDays, 1, c.Days.ToString(System.Globalization.CultureInfo.InvariantCulture)), c.Received, responded, c.Days);
                    Add(K(Metrics.Finding, 1, ((CaseWorkflow.V1.Finding)c.Finding).ToString()), c.Received, responded);
                    if (c.Finding <= 2)
                    {
                        Add(K(Metrics.FaultFound, 0, ""), c.Received, responded);
                    }
                    if (c.RemedyType is not null)
                    {
                        Add(K(Metrics.Remedy, 1, c.RemedyType), c.Received, c.RemedyOn!.Value, c.RemedyPence);
                    }
                    if (c.LessonOn is { } lessonOn)
                    {
                        Add(K(Metrics.Learning, 1, c.Nature!), c.Received, lessonOn, c.Actions);
                        Add(K(Metrics.FaultWithLesson, 0, ""), c.Received, responded);
                    }
                    if (c.EscalationRequested is { } requested)
                    {
                        Add(K(Metrics.EscalationRequested, 1, ""), c.Received, requested);
                        if (c.EscalationAccepted)
                        {
                            Add(K(Metrics.EscalationAccepted, 2, ""), c.Received, c.EscalationDecided!.Value);
                            var s2 = c.Stage2Responded!.Value;
                            Add(K(Metrics.Response, 2, "total"), c.Received, s2);
                            Add(K(Metrics.Response, 2, "orig"), c.Received, s2);
                            Add(K(Metrics.ResponseDays, 2, c.Stage2Days.ToString(System.Globalization.CultureInfo.InvariantCulture)), c.Received, s2, c.Stage2Days);
                            Add(K(Metrics.Finding, 2, "NotUpheld"), c.Received, s2);
                        }
                        else
                        {
                            Add(K(Metrics.EscalationRefused, 1, "no_new_issues"), c.Received, c.EscalationDecided!.Value);
                        }
                    }
                }
                await WriteFlatAsync(copy, c);
            }
            await copy.CompleteAsync();
        }

        await using (var copy = await conn.BeginBinaryImportAsync(
            "COPY reporting.counters (metric, basis, grain, month, service_area_id, directorate_id, team_id, stream, stage, channel, kind, code, count, amount) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (k, v) in counters)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(k.Metric);
                await copy.WriteAsync(k.Basis);
                await copy.WriteAsync(k.Grain);
                await copy.WriteAsync(k.Month, NpgsqlDbType.Date);
                await copy.WriteAsync(k.ServiceAreaId);
                await copy.WriteAsync(k.DirectorateId);
                await copy.WriteAsync(k.TeamId);
                await copy.WriteAsync(k.Stream);
                await copy.WriteAsync(k.Stage);
                await copy.WriteAsync(k.Channel);
                await copy.WriteAsync(k.Kind);
                await copy.WriteAsync(k.Code);
                await copy.WriteAsync(v.Count);
                await copy.WriteAsync(v.Amount);
            }
            await copy.CompleteAsync();
        }
        await using (var analyze = new NpgsqlCommand("ANALYZE reporting.counters; ANALYZE reporting.bench_cases;", conn))
        {
            await analyze.ExecuteNonQueryAsync();
        }
        return (counters.Count, count);
    }

    private static FlatCase Generate(Random r, DateOnly start, CouncilClock clock)
    {
        var area = r.Next(Areas);
        var received = start.AddDays(r.Next(5 * 365));
        var ack = received.AddDays(r.Next(1, 6));
        var withdrawn = r.NextDouble() < 0.1;
        if (withdrawn)
        {
            return new(area, area * 2 + r.Next(2), area / 5, (short)r.Next(1, 5), (short)r.Next(1, 10), received, ack, r.NextDouble() < 0.9,
                2, null, 0, false, false, false, 0, null, null, false, null, 0, null, 0, null, null, null, 0);
        }
        var responded = received.AddDays(r.Next(5, 41));
        var finding = (short)r.Next(1, 5);
        var original = r.NextDouble() < 0.7;
        var extended = !original && r.NextDouble() < 0.5;
        var fault = finding <= 2;
        var remedy = fault && r.NextDouble() < 0.4 ? new[] { "apology", "financial", "service_change", "reconsider" }[r.Next(4)] : null;
        var lesson = fault && r.NextDouble() < 0.5 ? responded.AddDays(r.Next(1, 30)) : (DateOnly?)null;
        var escalated = r.NextDouble() < 0.1 ? responded.AddDays(r.Next(1, 20)) : (DateOnly?)null;
        var accepted = escalated is not null && r.NextDouble() < 0.5;
        var decided = escalated?.AddDays(r.Next(1, 10));
        var stage2 = accepted ? decided!.Value.AddDays(r.Next(20, 41)) : (DateOnly?)null;
        return new(area, area * 2 + r.Next(2), area / 5, (short)r.Next(1, 5), (short)r.Next(1, 10), received, ack, r.NextDouble() < 0.9,
            1, responded, finding, original, original || extended, extended, CouncilDates.WorkingDaysBetween(clock, received, responded),
            escalated, decided, accepted, stage2, stage2 is null ? 0 : CouncilDates.WorkingDaysBetween(clock, decided!.Value, stage2.Value),
            remedy, remedy == "financial" ? r.Next(5000, 100000) : 0, remedy is null ? null : responded.AddDays(1),
            lesson, lesson is null ? null : "nature-" + r.Next(6), lesson is null ? 0 : r.Next(1, 4));
    }

    private static async Task WriteFlatAsync(NpgsqlBinaryImporter copy, FlatCase c)
    {
        await copy.StartRowAsync();
        await copy.WriteAsync(c.Area);
        await copy.WriteAsync(c.Team);
        await copy.WriteAsync(c.Directorate);
        await copy.WriteAsync(c.Stream);
        await copy.WriteAsync(c.Channel);
        await copy.WriteAsync(c.Received, NpgsqlDbType.Date);
        await copy.WriteAsync(c.Ack, NpgsqlDbType.Date);
        await copy.WriteAsync(c.AckOnTime);
        await copy.WriteAsync(c.Ending);
        await Nullable(copy, c.Responded);
        await copy.WriteAsync(c.Finding);
        await copy.WriteAsync(c.WithinOriginal);
        await copy.WriteAsync(c.WithinExtended);
        await copy.WriteAsync(c.Extended);
        await copy.WriteAsync(c.Days);
        await Nullable(copy, c.EscalationRequested);
        await Nullable(copy, c.EscalationDecided);
        await copy.WriteAsync(c.EscalationAccepted);
        await Nullable(copy, c.Stage2Responded);
        await copy.WriteAsync(c.Stage2Days);
        await NullableText(copy, c.RemedyType);
        await copy.WriteAsync(c.RemedyPence);
        await Nullable(copy, c.RemedyOn);
        await Nullable(copy, c.LessonOn);
        await NullableText(copy, c.Nature);
        await copy.WriteAsync(c.Actions);
    }

    private static async Task Nullable(NpgsqlBinaryImporter copy, DateOnly? value)
    {
        if (value is { } v)
        {
            await copy.WriteAsync(v, NpgsqlDbType.Date);
        }
        else
        {
            await copy.WriteNullAsync();
        }
    }

    private static async Task NullableText(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null)
        {
            await copy.WriteNullAsync();
        }
        else
        {
            await copy.WriteAsync(value);
        }
    }
}
