using Npgsql;

namespace ComplaintsPlatform.LocalInfrastructure;

/// <summary>One PostgreSQL login per service that can use only its own schema.</summary>
public sealed record ServiceLogin(string Role, string Password)
{
    public string Schema => Role;
}

// Idempotent: safe to run on every start, in either infrastructure mode, against a fresh or an
// existing cluster. Runs as the cluster's administrator; services never hold that login.
public static class SchemaProvisioner
{
    public const string DatabaseName = "complaints";

    public static async Task ProvisionAsync(string adminConnectionString, IEnumerable<ServiceLogin> logins, CancellationToken ct = default) =>
        await ProvisionAsync(adminConnectionString, DatabaseName, logins, ct);

    public static async Task ProvisionAsync(string adminConnectionString, string database, IEnumerable<ServiceLogin> logins, CancellationToken ct = default)
    {
        _ = Identifier(database);
        var admin = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = "postgres", Pooling = false };
        await using (var conn = new NpgsqlConnection(admin.ConnectionString))
        {
            await conn.OpenAsync(ct);
            if (await ScalarAsync(conn, $"SELECT 1 FROM pg_database WHERE datname = '{database}'", ct) is null)
            {
                await ExecAsync(conn, $"CREATE DATABASE \"{database}\"", ct);
            }
        }

        admin.Database = database;
        await using var db = new NpgsqlConnection(admin.ConnectionString);
        await db.OpenAsync(ct);
        // Nobody but the owner may create objects in public, and the database grants nothing to PUBLIC.
        await ExecAsync(db, $"REVOKE ALL ON SCHEMA public FROM PUBLIC; REVOKE ALL ON DATABASE \"{database}\" FROM PUBLIC", ct);
        // Extensions need the administrator; services only call their functions (Intake: pg_trgm's
        // similarity() for possible duplicates), so they get USAGE on public and nothing more.
        await ExecAsync(db, "CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public", ct);
        foreach (var login in logins)
        {
            var role = Identifier(login.Role);
            var password = Literal(login.Password);
            var exists = await ScalarAsync(db, $"SELECT 1 FROM pg_roles WHERE rolname = {Literal(login.Role)}", ct) is not null;
            await ExecAsync(db, exists
                ? $"ALTER ROLE {role} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD {password}"
                : $"CREATE ROLE {role} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD {password}", ct);
            await ExecAsync(db, $"""
                GRANT CONNECT, TEMPORARY ON DATABASE "{database}" TO {role};
                GRANT USAGE ON SCHEMA public TO {role};
                CREATE SCHEMA IF NOT EXISTS {Identifier(login.Schema)} AUTHORIZATION {role};
                ALTER SCHEMA {Identifier(login.Schema)} OWNER TO {role};
                ALTER ROLE {role} SET search_path = {Identifier(login.Schema)};
                """, ct);
        }
    }

    private static async Task ExecAsync(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        return await cmd.ExecuteScalarAsync(ct);
    }

    private static string Identifier(string name) =>
        name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_')
            ? $"\"{name}\""
            : throw new ArgumentException($"Not a plain identifier: {name}", nameof(name));

    private static string Literal(string value) => "'" + value.Replace("'", "''") + "'";
}
