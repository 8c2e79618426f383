using System.Diagnostics;
using System.Text.Json.Nodes;

namespace ComplaintsPlatform.Deploy.Tests;

/// <summary>deploy/validate/validate.mjs: renders a kustomization and validates every object offline.</summary>
internal static class Validator
{
    public sealed record Result(int ExitCode, string Problems, JsonArray Rendered, JsonArray Extras);

    public static async Task<Result> RunAsync(string folder, params string[] extras)
    {
        var script = Repository.Path("deploy", "validate", "validate.mjs");
        Assert.True(Directory.Exists(Repository.Path("deploy", "validate", "node_modules", "kubernetes-models")),
            "deploy/validate has no node_modules: run scripts/setup.sh (npm ci in deploy/validate).");
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(folder);
        foreach (var extra in extras)
        {
            start.ArgumentList.Add("--extra");
            start.ArgumentList.Add(extra);
        }
        start.ArgumentList.Add("--print");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        var output = await stdout;
        var printed = output.Length > 0 ? JsonNode.Parse(output)!.AsObject() : new JsonObject { ["rendered"] = new JsonArray(), ["extras"] = new JsonArray() };
        return new Result(process.ExitCode, await stderr, printed["rendered"]!.AsArray(), printed["extras"]!.AsArray());
    }
}

/// <summary>The production overlay and the base, rendered and validated once for the class.</summary>
public sealed class RenderedManifests : IAsyncLifetime
{
    internal Validator.Result Production { get; private set; } = null!;
    internal Validator.Result Base { get; private set; } = null!;

    public IEnumerable<JsonObject> Objects => Production.Rendered.OfType<JsonObject>();

    public IEnumerable<JsonObject> Kind(string kind) => Objects.Where(o => (string?)o["kind"] == kind);

    public JsonObject Named(string kind, string name) => Kind(kind).Single(o => (string?)o["metadata"]!["name"] == name);

    public async Task InitializeAsync()
    {
        Production = await Validator.RunAsync(Repository.Path("deploy", "overlays", "production"), Repository.Path("deploy", "restore", "cluster-pitr.yaml"));
        Base = await Validator.RunAsync(Repository.Path("deploy", "base"));
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
