namespace ComplaintsPlatform.TestInfrastructure;

/// <summary>
/// One real PostgreSQL and one real Redis per test process, started on first use (≈ 1–2 s) and
/// stopped when the process exits. Tests isolate themselves with a database of their own.
/// </summary>
public sealed class Infrastructure
{
    private static readonly Lazy<Task<Infrastructure>> s_shared = new(StartAsync);

    private Infrastructure(TestPostgres postgres, TestRedis redis)
    {
        Postgres = postgres;
        Redis = redis;
    }

    public TestPostgres Postgres { get; }

    public TestRedis Redis { get; }

    public static Task<Infrastructure> GetAsync() => s_shared.Value;

    private static async Task<Infrastructure> StartAsync()
    {
        var postgres = TestPostgres.StartAsync();
        var redis = TestRedis.StartAsync();
        var infrastructure = new Infrastructure(await postgres, await redis);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            infrastructure.Redis.Dispose();
            infrastructure.Postgres.DisposeAsync().AsTask().GetAwaiter().GetResult();
        };
        return infrastructure;
    }
}
