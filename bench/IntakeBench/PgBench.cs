using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ComplaintsPlatform.LocalInfrastructure;
using Npgsql;

namespace ComplaintsPlatform.Intake.Bench;

/// <summary>pgbench on the same server, for a plain transaction of Submit's shape: one contact row and one outbox row.</summary>
internal static partial class PgBench
{
    public static async Task PrepareAsync(string adminConnectionString)
    {
        await using var conn = new NpgsqlConnection(adminConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            CREATE SCHEMA IF NOT EXISTS bench;
            CREATE TABLE IF NOT EXISTS bench.contacts (id uuid PRIMARY KEY, reference text UNIQUE, client_request_id text UNIQUE,
                description text NOT NULL, received_at timestamptz NOT NULL);
            CREATE TABLE IF NOT EXISTS bench.outbox (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, event_id uuid UNIQUE,
                event_type text, payload bytea, recorded_at timestamptz, transaction_id xid8 DEFAULT pg_current_xact_id(), position bigint);
            """, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>One pgbench run: its rate, its mean latency and how many transactions it committed.</summary>
    public sealed record Run(double Tps, double AvgLatencyMs, long Transactions);

    public static Run Execute(LocalServers servers, int clients, int seconds)
    {
        var script = Path.Combine(Path.GetTempPath(), $"intake-bench-{Guid.NewGuid():N}.sql");
        File.WriteAllText(script, """
            BEGIN;
            INSERT INTO bench.contacts (id, reference, client_request_id, description, received_at)
              VALUES (gen_random_uuid(), 'CP-' || gen_random_uuid(), gen_random_uuid()::text, repeat('The bins were missed again. ', 8), now());
            INSERT INTO bench.outbox (event_id, event_type, payload, recorded_at)
              VALUES (gen_random_uuid(), 'complaints.intake.v1.ContactReceived', decode(repeat('ab', 120), 'hex'), now());
            END;
            """);
        try
        {
            var psi = new ProcessStartInfo(Path.Combine(PostgresBinaries.BinDir(), "pgbench"))
            {
                RedirectStandardOutput = true, RedirectStandardError = true,
            };
            foreach (var a in new[] { "-n", "-c", clients.ToString(), "-j", Math.Min(clients, 4).ToString(), "-T", seconds.ToString(),
                         "-f", script, "-h", "127.0.0.1", "-p", servers.PostgresPort.ToString(), "-U", "postgres", servers.Database })
            {
                psi.ArgumentList.Add(a);
            }
            psi.Environment["PGPASSWORD"] = "bench-admin";
            using var p = Process.Start(psi)!;
            var stderr = p.StandardError.ReadToEndAsync();
            var output = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0)
            {
                throw new InvalidOperationException($"pgbench failed: {stderr.Result}");
            }
            var tps = double.Parse(Tps().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
            var latency = double.Parse(Latency().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
            return new Run(tps, latency, long.Parse(Processed().Match(output).Groups[1].Value, CultureInfo.InvariantCulture));
        }
        finally
        {
            File.Delete(script);
        }
    }

    [GeneratedRegex(@"tps = ([0-9.]+)")]
    private static partial Regex Tps();

    [GeneratedRegex(@"latency average = ([0-9.]+) ms")]
    private static partial Regex Latency();

    [GeneratedRegex(@"number of transactions actually processed: ([0-9]+)")]
    private static partial Regex Processed();
}
