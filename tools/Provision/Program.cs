using ComplaintsPlatform.LocalInfrastructure;
using Npgsql;

// provision: creates the database, each service's LOGIN role and its schema (SchemaProvisioner, as
//   the AppHost does), with the passwords in LOGIN_PASSWORD_<ROLE>; admin from POSTGRES_HOST, _PORT,
//   _ADMIN_USER, _ADMIN_PASSWORD. Idempotent; retries while the cluster is not yet accepting.
// wait <connection name>: exits once ConnectionStrings__<name> can connect (the login exists and
//   its password is the one the service holds), so a service starts after provisioning.
var command = args.FirstOrDefault() ?? "provision";
using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
try
{
    return command switch
    {
        "provision" => await RetryAsync("provisioning", ct => SchemaProvisioner.ProvisionAsync(AdminConnectionString(), Logins(), ct), timeout.Token),
        "wait" when args.Length == 2 => await RetryAsync($"login for {args[1]}", ct => ConnectAsync(Required($"ConnectionStrings__{args[1]}"), ct), timeout.Token),
        _ => Usage(),
    };
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("Gave up after 10 minutes.");
    return 1;
}

static async Task<int> RetryAsync(string what, Func<CancellationToken, Task> attempt, CancellationToken ct)
{
    for (var delay = TimeSpan.FromSeconds(1); ; delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, 15)))
    {
        try
        {
            await attempt(ct);
            Console.WriteLine($"{what}: done.");
            return 0;
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException && !ct.IsCancellationRequested)
        {
            // Never the exception's text: it may quote a connection string.
            Console.WriteLine($"{what}: not yet ({ex.GetType().Name}); again in {delay.TotalSeconds:0} s.");
            await Task.Delay(delay, ct);
        }
    }
}

static async Task ConnectAsync(string connectionString, CancellationToken ct)
{
    await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
    await connection.OpenAsync(ct);
}

static string AdminConnectionString() => new NpgsqlConnectionStringBuilder
{
    Host = Required("POSTGRES_HOST"),
    Port = int.Parse(Environment.GetEnvironmentVariable("POSTGRES_PORT") ?? "5432", System.Globalization.CultureInfo.InvariantCulture),
    Username = Required("POSTGRES_ADMIN_USER"),
    Password = Required("POSTGRES_ADMIN_PASSWORD"),
    Database = "postgres",
}.ConnectionString;

static List<ServiceLogin> Logins() =>
    [.. ServiceSchemas.All.Select(s => new ServiceLogin(s.Schema, Required($"LOGIN_PASSWORD_{s.Schema.ToUpperInvariant()}")))];

static string Required(string name) =>
    Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException($"{name} is not set.");

static int Usage()
{
    Console.Error.WriteLine("usage: provision | wait <connection name>");
    return 2;
}
