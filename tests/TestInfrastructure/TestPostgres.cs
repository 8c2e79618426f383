using ComplaintsPlatform.LocalInfrastructure;
using Npgsql;

namespace ComplaintsPlatform.TestInfrastructure;

/// <summary>
/// A real, throw-away PostgreSQL cluster for one test assembly: initdb into a temporary folder,
/// fsync off, a free port. Each test class asks for its own database, so tests never share rows.
/// </summary>
public sealed class TestPostgres : IAsyncDisposable
{
    private const string AdminPassword = "test-admin";

    // The service logins are cluster-wide: two provisionings at once would race to create them.
    private readonly SemaphoreSlim _provisioning = new(1, 1);
    private readonly string _dataDir;
    private ServerProcess? _server;

    private TestPostgres(string dataDir, int port)
    {
        _dataDir = dataDir;
        Port = port;
    }

    public int Port { get; }

    public string AdminConnectionString(string database = "postgres") =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Password={AdminPassword};Database={database};Pooling=false";

    public static async Task<TestPostgres> StartAsync()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), $"cp-test-pg-{Guid.NewGuid():N}");
        PostgresBinaries.InitIfMissing(dataDir, AdminPassword);
        var pg = new TestPostgres(dataDir, FreePort.Next());
        await pg.StartServerAsync();
        return pg;
    }

    /// <summary>Starts the server (again, after <see cref="Stop"/>), waiting until it accepts connections.</summary>
    public async Task StartServerAsync()
    {
        var (file, args) = PostgresBinaries.Command("postgres", PostgresBinaries.ServerArgs(_dataDir, Port, durable: false));
        _server = ServerProcess.Start(file, args, ServerProcess.SigInt, throwAwayFolder: _dataDir);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                await using var conn = new NpgsqlConnection(AdminConnectionString());
                await conn.OpenAsync();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline && !_server.HasExited)
            {
                await Task.Delay(50);
            }
        }
    }

    /// <summary>Stops the server, e.g. to prove callers get UNAVAILABLE rather than INTERNAL.</summary>
    public void Stop()
    {
        _server?.Dispose();
        _server = null;
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>
    /// A fresh database with one login per service, each owning only its schema, exactly as the
    /// AppHost provisions them. Returns connection strings keyed by the services' connection names.
    /// </summary>
    public Task<TestDatabase> CreateDatabaseAsync() => ProvisionAgainAsync($"t_{Guid.NewGuid():N}"[..20]);

    /// <summary>Runs the provisioning for a database (creating it if it is new); it is idempotent.</summary>
    public async Task<TestDatabase> ProvisionAgainAsync(string name)
    {
        var logins = ServiceSchemas.All.Select(s => new ServiceLogin(s.Schema, $"pw-{s.Schema}")).ToList();
        await _provisioning.WaitAsync();
        try
        {
            await SchemaProvisioner.ProvisionAsync(AdminConnectionString(), name, logins);
        }
        finally
        {
            _provisioning.Release();
        }
        var strings = ServiceSchemas.All.ToDictionary(
            s => s.ConnectionName,
            s => $"Host=127.0.0.1;Port={Port};Database={name};Username={s.Schema};Password=pw-{s.Schema}");
        return new TestDatabase(name, strings, AdminConnectionString(name));
    }

    public async ValueTask DisposeAsync()
    {
        Stop();
        await Task.Yield();
        await ComplaintsPlatform.LocalInfrastructure.PlatformDataFolder.DeleteAsync(_dataDir);
    }
}

public sealed record TestDatabase(string Name, IReadOnlyDictionary<string, string> ConnectionStrings, string AdminConnectionString);
