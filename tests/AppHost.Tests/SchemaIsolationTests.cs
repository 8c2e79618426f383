using ComplaintsPlatform.TestInfrastructure;
using Npgsql;

namespace ComplaintsPlatform.AppHost.Tests;

/// <summary>The logins the AppHost provisions (same provisioner) against a real PostgreSQL.</summary>
public sealed class SchemaIsolationTests
{
    [Fact]
    public async Task A_service_login_cannot_read_or_create_in_another_services_schema()
    {
        var infrastructure = await Infrastructure.GetAsync();
        var database = await infrastructure.Postgres.CreateDatabaseAsync();
        await ExecAsync(database.ConnectionStrings["case-workflow-db"], "CREATE TABLE caseworkflow.cases (id int)");

        var intake = database.ConnectionStrings["intake-db"];
        var read = await Assert.ThrowsAsync<PostgresException>(() => ExecAsync(intake, "SELECT count(*) FROM caseworkflow.cases"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, read.SqlState);
        var create = await Assert.ThrowsAsync<PostgresException>(() => ExecAsync(intake, "CREATE TABLE public.stray (id int)"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, create.SqlState);

        await ExecAsync(intake, "CREATE TABLE intake.complaints (id int); SELECT count(*) FROM complaints");
    }

    private static async Task ExecAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
