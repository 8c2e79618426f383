using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ComplaintsPlatform.AppHost.Tests;

/// <summary>Container mode cannot run on machines without a container engine, so its description is checked instead.</summary>
public sealed partial class ManifestTests
{
    [Fact]
    public async Task Container_mode_manifest_describes_every_service_postgres_redis_and_the_gateway_with_no_secret_in_clear()
    {
        var (text, manifest) = await PublishAsync();
        var resources = manifest["resources"]!.AsObject();

        foreach (var project in new[] { "intake", "case-workflow", "ombudsman-liaison", "compliments", "reporting", "identity", "gateway" })
        {
            Assert.Equal("project.v0", (string?)resources[project]?["type"]);
        }
        Assert.Equal("container.v0", (string?)resources["postgres"]?["type"]);
        Assert.Equal("container.v0", (string?)resources["redis"]?["type"]);

        // Every secret is a parameter marked secret whose value is generated or asked for, never written down.
        var secrets = resources.Where(r => r.Key.EndsWith("-password", StringComparison.Ordinal) || r.Key.EndsWith("-secret", StringComparison.Ordinal)
            || r.Key.EndsWith("-key", StringComparison.Ordinal)).ToList();
        // Six service logins, postgres admin, redis, the first administrator; five service clients', the web's
        // and the dev client's secrets; the status-token key.
        Assert.Equal(17, secrets.Count);
        Assert.DoesNotContain(secrets, s => s.Key == "identity-signing-key");
        foreach (var (name, resource) in secrets)
        {
            var input = resource!["inputs"]?["value"];
            Assert.True((bool?)input?["secret"] == true, $"{name} is not marked secret");
            Assert.Null(input?["default"]?["value"]);
        }

        // Each service connects with its own login, whose password is a reference, not a value.
        var intakeEnv = resources["intake"]!["env"]!.AsObject();
        Assert.Equal("{intake-db.connectionString}", (string?)intakeEnv["ConnectionStrings__intake-db"]);
        Assert.False(intakeEnv.ContainsKey("Identity__SigningKey"));
        Assert.Equal("{intake-client-secret.value}", (string?)intakeEnv["Identity__ClientSecret"]);
        Assert.Equal("{intake-status-token-key.value}", (string?)intakeEnv["Intake__StatusTokenKey"]);
        // The gateway validates tokens as the services do and shares its rate-limit buckets in Redis;
        // it believes X-Forwarded-For only from the proxies it is told of, never by a blanket switch.
        var gatewayEnv = resources["gateway"]!["env"]!.AsObject();
        Assert.Equal("{gateway.bindings.http.url}/identity/", (string?)gatewayEnv["Identity__Authority"]);
        Assert.Equal("{redis.connectionString}", (string?)gatewayEnv["ConnectionStrings__redis"]);
        Assert.Equal("false", (string?)gatewayEnv["ASPNETCORE_FORWARDEDHEADERS_ENABLED"]);
        // The pages reach the services only through the gateway: the one service address they are given.
        var webServices = resources["web"]!["env"]!.AsObject().Select(e => e.Key)
            .Where(k => k.StartsWith("services__", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(webServices);
        Assert.All(webServices, k => Assert.StartsWith("services__gateway__", k));
        Assert.False(resources["web"]!["env"]!.AsObject().ContainsKey("ConnectionStrings__intake-db"));
        Assert.Contains("Username=intake;Password={intake-db-password.value}", (string?)resources["intake-db"]!["connectionString"]);
        Assert.DoesNotMatch(ClearPassword(), text);
    }

    [GeneratedRegex(@"(?i)password=(?!\{)")]
    private static partial Regex ClearPassword();

    private static async Task<(string Text, JsonNode Manifest)> PublishAsync()
    {
        var output = Path.Combine(Path.GetTempPath(), $"cp-manifest-{Guid.NewGuid():N}", "aspire-manifest.json");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[]
        {
            "run", "--project", "AppHost", "--no-build", "--",
            "--publisher", "manifest", "--output-path", output, "--ComplaintsPlatform:InfrastructureMode=containers",
        })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"publish failed ({process.ExitCode}): {await stdout}{await stderr}");
        try
        {
            var text = await File.ReadAllTextAsync(output);
            return (text, JsonNode.Parse(text)!);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(output)!, recursive: true);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ComplaintsPlatform.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("ComplaintsPlatform.sln not found above the test's output folder.");
    }
}
