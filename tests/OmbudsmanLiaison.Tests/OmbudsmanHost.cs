using ComplaintsPlatform.OmbudsmanLiaison.Cases;
using ComplaintsPlatform.TestInfrastructure;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Npgsql;

namespace ComplaintsPlatform.OmbudsmanLiaison.Tests;

/// <summary>
/// The ombudsman service on the test server over a database of its own, with CaseWorkflow's
/// CaseLookup faked as a remote server and the clock fixed at Monday 30 June 2025, 11:00 in London.
/// </summary>
public sealed class OmbudsmanHost : ServiceFactory<Program>
{
    public static readonly DateOnly Today = new(2025, 6, 30);

    private OmbudsmanHost(TestDatabase database, TestRedis redis, FakeCaseWorkflow caseWorkflow) : base(database, redis)
    {
        CaseWorkflow = caseWorkflow;
    }

    public FakeCaseWorkflow CaseWorkflow { get; }

    public static async Task<OmbudsmanHost> StartAsync()
    {
        var infra = await Infrastructure.GetAsync();
        var host = new OmbudsmanHost(await infra.Postgres.CreateDatabaseAsync(), infra.Redis, await FakeCaseWorkflow.StartAsync());
        host.Settings["Services:CaseWorkflow"] = "http://localhost";
        host.Settings["Feeds:caseworkflow:Address"] = "http://localhost";
        _ = host.Server;
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(2025, 6, 30, 10, 0, 0, TimeSpan.Zero)));
            services.Configure<HttpClientFactoryOptions>(GrpcCaseDirectory.ClientName,
                o => o.HttpMessageHandlerBuilderActions.Add(b => b.PrimaryHandler = CaseWorkflow.CreateHandler()));
        });
    }

    public async Task<List<IMessage>> EventsAsync(MessageDescriptor? only = null)
    {
        await using var conn = new NpgsqlConnection(Database.ConnectionStrings["ombudsman-liaison-db"]);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT payload FROM ombudsman.outbox_events ORDER BY id", conn);
        var events = new List<IMessage>();
        await using var reader = await cmd.ExecuteReaderAsync();
        var registry = TypeRegistry.FromFiles(ComplaintsPlatform.Ombudsman.V1.EventsReflection.Descriptor);
        while (await reader.ReadAsync())
        {
            var any = Any.Parser.ParseFrom((byte[])reader[0]);
            var message = any.Unpack(registry);
            if (only is null || message.Descriptor == only)
            {
                events.Add(message);
            }
        }
        return events;
    }

    public async Task<long> CountAsync(string table)
    {
        await using var conn = new NpgsqlConnection(Database.ConnectionStrings["ombudsman-liaison-db"]);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"SELECT count(*) FROM ombudsman.{table}", conn);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await CaseWorkflow.DisposeAsync();
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
