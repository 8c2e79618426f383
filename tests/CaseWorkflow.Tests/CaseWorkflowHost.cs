using ComplaintsPlatform.TestInfrastructure;
using Npgsql;

namespace ComplaintsPlatform.CaseWorkflow.Tests;

/// <summary>CaseWorkflow on the test server over a database of its own, with helpers to look at what it wrote.</summary>
public sealed class CaseWorkflowHost : ServiceFactory<Program>
{
    private CaseWorkflowHost(TestDatabase database, TestRedis redis) : base(database, redis)
    {
    }

    public static async Task<CaseWorkflowHost> StartAsync(TestDatabase? database = null, IDictionary<string, string?>? settings = null)
    {
        var infra = await Infrastructure.GetAsync();
        var host = new CaseWorkflowHost(database ?? await infra.Postgres.CreateDatabaseAsync(), infra.Redis);
        // Tests run the deadline watch themselves (DeadlineWatch.RunOnceAsync), never on a timer.
        host.Settings["Reminders:Enabled"] = "false";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            host.Settings[key] = value;
        }
        _ = host.Server; // starts the host: migrations, seeding and the configuration file
        return host;
    }

    public async Task<List<string>> OutboxEventTypesAsync()
    {
        await using var conn = new NpgsqlConnection(Database.ConnectionStrings["case-workflow-db"]);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT event_type FROM caseworkflow.outbox_events ORDER BY id", conn);
        var types = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            types.Add(reader.GetString(0));
        }
        return types;
    }

    /// <summary>The staged events of one type, unpacked.</summary>
    public async Task<List<T>> OutboxEventsAsync<T>() where T : Google.Protobuf.IMessage<T>, new()
    {
        var descriptor = new T().Descriptor;
        await using var conn = new NpgsqlConnection(Database.ConnectionStrings["case-workflow-db"]);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT payload FROM caseworkflow.outbox_events WHERE event_type = @type ORDER BY id", conn);
        cmd.Parameters.AddWithValue("type", descriptor.FullName);
        var events = new List<T>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            events.Add(Google.Protobuf.WellKnownTypes.Any.Parser.ParseFrom((byte[])reader[0]).Unpack<T>());
        }
        return events;
    }

    public async Task<long> CountAsync(string table)
    {
        await using var conn = new NpgsqlConnection(Database.ConnectionStrings["case-workflow-db"]);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"SELECT count(*) FROM caseworkflow.{table}", conn);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
