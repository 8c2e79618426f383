using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.LocalInfrastructure;
using Grpc.Core;
using Grpc.Net.Client;

namespace ComplaintsPlatform.ImportTool;

// A named class rather than top-level statements, so projects that reference this tool (the tests)
// see no second global Program beside the service's.
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var usage = $"""
            Usage: dotnet run --project tools/Import -- --kind <kind> --file <file.csv> [--gateway <url>] [--token <token>] [--dry-run]
              --kind      {string.Join(" | ", ImportKinds.All.Keys)}
              --gateway   the gateway's gRPC address (default http://localhost:8081, plain HTTP/2)
              --token     a complaints_team bearer token (default: in Development, one from the provider as
                          tools/DevToken gets it; --authority, --data-dir, --sub as DevToken)
              --dry-run   check every row and report, changing nothing
            Exit code: 0 every row imported or unchanged, 1 some rows failed, 2 usage, 3 the call failed.
            """;

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var dryRun = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--dry-run")
            {
                dryRun = true;
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                options[args[i][2..]] = args[++i];
            }
            else
            {
                return Fail(usage, $"Unexpected argument '{args[i]}'.");
            }
        }
        if (!options.TryGetValue("kind", out var kind) || !ImportKinds.All.ContainsKey(kind))
        {
            return Fail(usage, "Give --kind, one of the kinds below.");
        }
        if (!options.TryGetValue("file", out var file) || !File.Exists(file))
        {
            return Fail(usage, "Give --file, a CSV file that exists.");
        }
        var token = options.GetValueOrDefault("token") ?? await DevTokenForAsync(options);
        if (string.IsNullOrEmpty(token))
        {
            return Fail(usage, "No token: pass --token, or start the platform once (bash scripts/run.sh) in Development so a dev token can be had.");
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        using var channel = GrpcChannel.ForAddress(options.GetValueOrDefault("gateway", "http://localhost:8081"));
        await using var stream = File.OpenRead(file);
        try
        {
            var report = await new ImportClient(channel.CreateCallInvoker()).SendAsync(kind, stream, Path.GetFileName(file), dryRun, token, ct: cancel.Token);
            ReportPrinter.Print(report, Console.Out);
            return report.RowsFailed > 0 ? 1 : 0;
        }
        catch (RpcException e)
        {
            Console.Error.WriteLine($"The import was refused or failed: {e.StatusCode}: {e.Status.Detail}");
            return 3;
        }
    }

    // As tools/DevToken does: a complaints_team token from the provider, in Development only.
    private static async Task<string?> DevTokenForAsync(Dictionary<string, string> options)
    {
        var data = PlatformDataFolder.FromSetting(options.GetValueOrDefault("data-dir") ?? Environment.GetEnvironmentVariable("ComplaintsPlatform__DataDir"));
        if (!data.HasSecret("dev-token-client-secret"))
        {
            return null;
        }
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        return await DevTokens.ForRoleAsync(http, options.GetValueOrDefault("authority", DevTokens.DefaultAuthority),
            data.Secret("dev-token-client-secret"), Roles.ComplaintsTeam, options.GetValueOrDefault("sub", "dev-import"));
    }

    private static int Fail(string usage, string message)
    {
        Console.Error.WriteLine(message);
        Console.Error.WriteLine(usage);
        return 2;
    }
}
