using ComplaintsPlatform.TestInfrastructure;
using Npgsql;
using Xunit;

namespace ComplaintsPlatform.Hosting.Tests;

public sealed class SchemaOwnershipTests
{
    [Fact]
    public async Task A_service_login_cannot_read_another_services_schema()
    {
        var infra = await Infrastructure.GetAsync();
        var db = await infra.Postgres.CreateDatabaseAsync();
        await using (var owner = new NpgsqlConnection(db.ConnectionStrings["case-workflow-db"]))
        {
            await owner.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE TABLE caseworkflow.secret_cases (id int); INSERT INTO caseworkflow.secret_cases VALUES (1);", owner);
            await create.ExecuteNonQueryAsync();
        }

        await using var other = new NpgsqlConnection(db.ConnectionStrings["reporting-db"]);
        await other.OpenAsync();
        await using var read = new NpgsqlCommand("SELECT count(*) FROM caseworkflow.secret_cases", other);
        var ex = await Assert.ThrowsAsync<PostgresException>(() => read.ExecuteScalarAsync());

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, ex.SqlState);
    }

    [Fact]
    public async Task A_service_login_cannot_create_objects_outside_its_schema()
    {
        var infra = await Infrastructure.GetAsync();
        var db = await infra.Postgres.CreateDatabaseAsync();
        await using var conn = new NpgsqlConnection(db.ConnectionStrings["intake-db"]);
        await conn.OpenAsync();

        await using var cmd = new NpgsqlCommand("CREATE TABLE public.smuggled (id int)", conn);
        var ex = await Assert.ThrowsAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync());

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, ex.SqlState);
    }

    [Fact]
    public async Task Provisioning_twice_changes_nothing_and_keeps_data()
    {
        var infra = await Infrastructure.GetAsync();
        var db = await infra.Postgres.CreateDatabaseAsync();
        await using (var conn = new NpgsqlConnection(db.ConnectionStrings["intake-db"]))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("CREATE TABLE intake.kept (id int); INSERT INTO intake.kept VALUES (7);", conn);
            await cmd.ExecuteNonQueryAsync();
        }

        var again = await infra.Postgres.ProvisionAgainAsync(db.Name);

        await using var check = new NpgsqlConnection(again.ConnectionStrings["intake-db"]);
        await check.OpenAsync();
        await using var read = new NpgsqlCommand("SELECT id FROM intake.kept", check);
        Assert.Equal(7, await read.ExecuteScalarAsync());
    }
}
