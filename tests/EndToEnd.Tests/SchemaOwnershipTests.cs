using Aspire.Hosting.Testing;
using Npgsql;

namespace ComplaintsPlatform.EndToEnd.Tests;

[Collection(PlatformCollection.Name)]
public sealed class SchemaOwnershipTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_service_login_lands_in_its_own_schema_and_cannot_read_another_services_schema()
    {
        var intake = await platform.App.GetConnectionStringAsync("intake-db");
        await using var connection = new NpgsqlConnection(intake);
        await connection.OpenAsync();

        await using (var schema = new NpgsqlCommand("SELECT current_schema()", connection))
        {
            Assert.Equal("intake", await schema.ExecuteScalarAsync());
        }

        await using var foreign = new NpgsqlCommand("SELECT count(*) FROM caseworkflow.\"__EFMigrationsHistory\"", connection);
        var error = await Assert.ThrowsAsync<PostgresException>(() => foreign.ExecuteScalarAsync());
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }
}
