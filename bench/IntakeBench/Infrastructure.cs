using System.Diagnostics;
using System.Net.Sockets;
using ComplaintsPlatform.LocalInfrastructure;
using Npgsql;

namespace ComplaintsPlatform.Intake.Bench;

/// <summary>A durable PostgreSQL (fsync and synchronous_commit on) and a Redis, as local processes for one run.</summary>
internal sealed class LocalServers : IAsyncDisposable
{
    private const string AdminPassword = "bench-admin";
    private readonly List<Process> _processes = [];
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), $"cp-bench-pg-{Guid.NewGuid():N}");

    public int PostgresPort { get; } = FreePort.Next();
    public int RedisPort { get; } = FreePort.Next();
    public string Database => SchemaProvisioner.DatabaseName;

    public string AdminConnectionString =>
        $"Host=127.0.0.1;Port={PostgresPort};Username=postgres;Password={AdminPassword};Database={Database}";

    public string IntakeConnectionString =>
        $"Host=127.0.0.1;Port={PostgresPort};Database={Database};Username=intake;Password=pw-intake;Maximum Pool Size=100";

    /// <summary>The postmaster's process id (its data folder's postmaster.pid says it).</summary>
    public int PostmasterPid => int.Parse(File.ReadLines(Path.Combine(_dataDir, "postmaster.pid")).First());

    /// <summary>Where the server's WAL has reached, in bytes from its start: the difference of two readings is what was written between them.</summary>
    public async Task<long> WalBytesAsync()
    {
        await using var conn = new NpgsqlConnection(AdminConnectionString + ";Pooling=false");
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT (pg_current_wal_lsn() - '0/0'::pg_lsn)::bigint", conn);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    public string RedisConnectionString => $"127.0.0.1:{RedisPort},abortConnect=false,connectTimeout=500,syncTimeout=500";

    public async Task StartAsync()
    {
        PostgresBinaries.InitIfMissing(_dataDir, AdminPassword);
        var (file, args) = PostgresBinaries.Command("postgres", PostgresBinaries.ServerArgs(_dataDir, PostgresPort, durable: true));
        _processes.Add(Start(file, args));
        _processes.Add(Start("redis-server", ["--port", RedisPort.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]));
        await WaitAsync(async () =>
        {
            await using var c = new NpgsqlConnection($"Host=127.0.0.1;Port={PostgresPort};Username=postgres;Password={AdminPassword};Database=postgres;Pooling=false");
            await c.OpenAsync();
        });
        await WaitAsync(async () =>
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", RedisPort);
        });
        var logins = ServiceSchemas.All.Select(s => new ServiceLogin(s.Schema, $"pw-{s.Schema}")).ToList();
        await SchemaProvisioner.ProvisionAsync(AdminConnectionString, logins);
    }

    public static Process Start(string file, IEnumerable<string> args, IDictionary<string, string>? env = null, string? workingDirectory = null)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (workingDirectory is not null)
        {
            psi.WorkingDirectory = workingDirectory;
        }
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        foreach (var (k, v) in env ?? new Dictionary<string, string>())
        {
            psi.Environment[k] = v;
        }
        var p = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {file}");
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null && Environment.GetEnvironmentVariable("BENCH_VERBOSE") == "1")
            {
                Console.Error.WriteLine(e.Data);
            }
        };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    public static async Task WaitAsync(Func<Task> probe, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            try
            {
                await probe();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    public static void Stop(Process p)
    {
        if (p.HasExited)
        {
            return;
        }
        // SIGINT: PostgreSQL's fast shutdown; redis-server and the service stop on it too.
        using (var kill = Process.Start("kill", ["-INT", p.Id.ToString()]))
        {
            kill.WaitForExit();
        }
        if (!p.WaitForExit(15_000))
        {
            p.Kill(entireProcessTree: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var p in Enumerable.Reverse(_processes))
        {
            Stop(p);
        }
        await Task.Yield();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (Exception)
        {
            // A leftover temporary folder is harmless.
        }
    }
}
