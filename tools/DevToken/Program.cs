using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.LocalInfrastructure;

var usage = """
    Usage: dotnet run --project tools/DevToken -- --role <role> [--sub <id>] [--team <team>] [--directorate <name>]
           dotnet run --project tools/DevToken -- --service <name>
      --key <key>        signing key (default: Identity__SigningKey, else the key file in the data folder)
      --data-dir <path>  the AppHost's data folder (default: ComplaintsPlatform__DataDir, else /var/tmp/complaints-platform)
      --issuer, --audience, --hours   token details (defaults: complaints-platform, complaints-platform, 8)
    Roles:
    """ + " " + string.Join(", ", Roles.All.Order());

var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i < args.Length; i++)
{
    if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
    {
        return Fail($"Unexpected argument '{args[i]}'.");
    }
    options[args[i][2..]] = args[++i];
}

string subject;
string[] roles;
if (options.TryGetValue("service", out var service))
{
    subject = Claims.ServicePrefix + service;
    roles = [Roles.Service];
}
else if (options.TryGetValue("role", out var role))
{
    if (!Roles.All.Contains(role))
    {
        return Fail($"Unknown role '{role}'.");
    }
    subject = options.GetValueOrDefault("sub", $"dev-{role.Replace('_', '-')}");
    roles = [role];
}
else
{
    return Fail("Give --role or --service.");
}

var key = options.GetValueOrDefault("key")
    ?? Environment.GetEnvironmentVariable("Identity__SigningKey")
    ?? PlatformDataFolder.FromSetting(options.GetValueOrDefault("data-dir") ?? Environment.GetEnvironmentVariable("ComplaintsPlatform__DataDir")).ReadSigningKey();
if (string.IsNullOrEmpty(key))
{
    return Fail("No signing key: start the platform once (bash scripts/run.sh) or pass --key.");
}

var identity = new IdentityOptions
{
    SigningKey = key,
    Issuer = options.GetValueOrDefault("issuer", "complaints-platform"),
    Audience = options.GetValueOrDefault("audience", "complaints-platform"),
};
var hours = double.Parse(options.GetValueOrDefault("hours", "8"), System.Globalization.CultureInfo.InvariantCulture);
Console.WriteLine(TokenIssuer.Issue(identity, subject, roles, options.GetValueOrDefault("team"), options.GetValueOrDefault("directorate"), TimeSpan.FromHours(hours)));
return 0;

int Fail(string message)
{
    Console.Error.WriteLine(message);
    Console.Error.WriteLine(usage);
    return 2;
}
