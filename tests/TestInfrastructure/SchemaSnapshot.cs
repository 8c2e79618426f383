using System.Text;
using ComplaintsPlatform.Hosting;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Xunit;

namespace ComplaintsPlatform.TestInfrastructure;

/// <summary>
/// A service's schema as its migrations build it, compared with the snapshot committed beside its
/// tests (Schema/&lt;schema&gt;.txt): every column with its type, nullability, default and identity,
/// every sequence, and every index and constraint by what it does. Index and constraint names are
/// left out, so renaming one is not a change; anything else that moves is.
/// </summary>
public static class SchemaSnapshot
{
    public static async Task AssertMigrationsBuildTheSnapshotAsync<TContext>(
        Func<DbContextOptions<TContext>, TContext> create, string connectionName, string schema)
        where TContext : DbContext
    {
        var infra = await Infrastructure.GetAsync();
        var database = await infra.Postgres.CreateDatabaseAsync();
        await using (var db = create(ServiceDatabase.Options<TContext>(database.ConnectionStrings[connectionName], schema)))
        {
            await db.Database.MigrateAsync();
            Assert.False(db.Database.HasPendingModelChanges(), $"{typeof(TContext).Name} has changes no migration makes.");
        }

        var actual = await ReadAsync(database.AdminConnectionString, schema);
        var expectedPath = Path.Combine(AppContext.BaseDirectory, "Schema", $"{schema}.txt");
        var expected = File.Exists(expectedPath) ? await File.ReadAllTextAsync(expectedPath) : "";
        if (expected.ReplaceLineEndings("\n") != actual)
        {
            // Beside the expected file in the output folder, to diff or, for a deliberate change, to commit.
            var receivedPath = Path.ChangeExtension(expectedPath, ".received.txt");
            Directory.CreateDirectory(Path.GetDirectoryName(receivedPath)!);
            await File.WriteAllTextAsync(receivedPath, actual);
            Assert.Fail($"The migrated {schema} schema differs from Schema/{schema}.txt; it is written to {receivedPath}.");
        }
    }

    public static async Task<string> ReadAsync(string connectionString, string schema)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        var text = new StringBuilder();
        await AppendAsync(conn, text, schema, "columns", """
            SELECT table_name, column_name, data_type, udt_name, is_nullable, character_maximum_length,
                   numeric_precision, numeric_scale, column_default, is_identity, identity_generation
            FROM information_schema.columns
            WHERE table_schema = $1
            ORDER BY table_name, ordinal_position
            """);
        await AppendAsync(conn, text, schema, "sequences", """
            SELECT sequence_name, data_type, start_value, increment
            FROM information_schema.sequences
            WHERE sequence_schema = $1
            ORDER BY sequence_name
            """);
        await AppendAsync(conn, text, schema, "indexes", """
            SELECT tablename, regexp_replace(indexdef, '^CREATE (UNIQUE )?INDEX \S+ ON ', 'CREATE \1INDEX ON ') AS definition
            FROM pg_indexes
            WHERE schemaname = $1
            ORDER BY 1, 2
            """);
        await AppendAsync(conn, text, schema, "constraints", """
            SELECT t.relname AS table_name, c.contype, pg_get_constraintdef(c.oid) AS definition
            FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
            WHERE c.connamespace = $1::regnamespace
            ORDER BY 1, 2, 3
            """);
        return text.ToString();
    }

    private static async Task AppendAsync(NpgsqlConnection conn, StringBuilder text, string schema, string heading, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn) { Parameters = { new() { Value = schema } } };
        await using var reader = await cmd.ExecuteReaderAsync();
        text.Append("# ").Append(heading).Append(": ").AppendJoin('\t', Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)).Append('\n');
        while (await reader.ReadAsync())
        {
            var fields = Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "-" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture));
            text.AppendJoin('\t', fields).Append('\n');
        }
    }
}
