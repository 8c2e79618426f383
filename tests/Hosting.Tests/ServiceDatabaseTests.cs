using ComplaintsPlatform.Hosting;
using ComplaintsPlatform.TestInfrastructure;
using Npgsql;
using Xunit;

namespace ComplaintsPlatform.Hosting.Tests;

public sealed class ServiceDatabaseTests
{
    [Fact]
    public void A_service_prepares_its_frequent_statements_and_keeps_its_sessions_unless_its_connection_string_says_otherwise()
    {
        var reused = new NpgsqlConnectionStringBuilder(ServiceDatabase.WithSessionReuse("Host=db;Username=intake;Password=pw"));
        Assert.Equal((64, true), (reused.MaxAutoPrepare, reused.NoResetOnClose));
        Assert.Equal(("db", "intake"), (reused.Host, reused.Username));

        var chosen = new NpgsqlConnectionStringBuilder(ServiceDatabase.WithSessionReuse("Host=db;Max Auto Prepare=0;No Reset On Close=false"));
        Assert.Equal((0, false), (chosen.MaxAutoPrepare, chosen.NoResetOnClose));
    }

    [Fact]
    public async Task A_statement_sent_twice_on_a_connection_is_prepared_there()
    {
        var infrastructure = await Infrastructure.GetAsync();
        var database = await infrastructure.Postgres.CreateDatabaseAsync();
        await using var connection = new NpgsqlConnection(ServiceDatabase.WithSessionReuse(database.ConnectionStrings["intake-db"]));
        await connection.OpenAsync();
        for (var i = 0; i < 2; i++)
        {
            await using var query = new NpgsqlCommand("SELECT $1::int + 1", connection) { Parameters = { new() { Value = i } } };
            await query.ExecuteScalarAsync();
        }
        await using var look = new NpgsqlCommand("SELECT count(*) FROM pg_prepared_statements WHERE statement = 'SELECT $1::int + 1'", connection);
        Assert.Equal(1L, await look.ExecuteScalarAsync());
    }
}
