using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.LocalInfrastructure;

var usage = """
    Usage: dotnet run --project tools/DevToken -- --role <role> [--sub <id>] [--team <team>] [--directorate <id>]
           dotnet run --project tools/DevToken -- --service <name>
           dotnet run --project tools/DevToken -- --client <id> --secret <secret>
      Gets a token from the platform's identity provider (it signs; this tool holds no key).
      --role      Development only: a token for any role, through the provider's dev-token client
      --service   a platform service's own token, with its client secret from the data folder
      --client    any client's token by client credentials
      --authority the provider (default: http://localhost:8080/identity/)
      --data-dir  the AppHost's data folder (default: ComplaintsPlatform__DataDir, else /var/tmp/complaints-platform)
    Roles:
    """ + " " + string.Join(", ", Roles.All.Order());

// Minting tokens for any role is for a developer's machine; a deployed environment never allows it.
var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "Production";
if (!string.Equals(environment, "Development", StringComparison.OrdinalIgnoreCase))
{
    Console.Error.WriteLine($"DevToken runs in Development only (this environment is {environment}).");
    return 3;
}

var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i < args.Length; i++)
{
    if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
    {
        return Fail($"Unexpected argument '{args[i]}'.");
    }
    options[args[i][2..]] = args[++i];
}

var data = PlatformDataFolder.FromSetting(options.GetValueOrDefault("data-dir") ?? Environment.GetEnvironmentVariable("ComplaintsPlatform__DataDir"));
var authority = options.GetValueOrDefault("authority", DevTokens.DefaultAuthority);
using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
try
{
    if (options.TryGetValue("service", out var service))
    {
        if (!data.HasSecret($"{service}-client-secret"))
        {
            return Fail($"No client secret for '{service}' in the data folder: start the platform once (bash scripts/run.sh).");
        }
        Console.WriteLine(await DevTokens.ForClientAsync(http, authority, "service-" + service, data.Secret($"{service}-client-secret")));
    }
    else if (options.TryGetValue("client", out var client))
    {
        Console.WriteLine(await DevTokens.ForClientAsync(http, authority, client,
            options.GetValueOrDefault("secret") ?? throw new ArgumentException("--client needs --secret.")));
    }
    else if (options.TryGetValue("role", out var role))
    {
        if (!Roles.All.Contains(role))
        {
            return Fail($"Unknown role '{role}'.");
        }
        if (!data.HasSecret("dev-token-client-secret"))
        {
            return Fail("No dev-token client secret in the data folder: start the platform once (bash scripts/run.sh).");
        }
        Console.WriteLine(await DevTokens.ForRoleAsync(http, authority, data.Secret("dev-token-client-secret"), role,
            options.GetValueOrDefault("sub"), options.GetValueOrDefault("team"), options.GetValueOrDefault("directorate")));
    }
    else
    {
        return Fail("Give --role, --service or --client.");
    }
}
catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or ArgumentException or TaskCanceledException)
{
    Console.Error.WriteLine(ex.Message);
    return 1;
}
return 0;

int Fail(string message)
{
    Console.Error.WriteLine(message);
    Console.Error.WriteLine(usage);
    return 2;
}
