using System.Diagnostics;
using System.Text.Json.Nodes;

namespace ComplaintsPlatform.Deploy;

/// <summary>Reading, writing and comparing the generated folder (deploy/).</summary>
public static class DeployFolder
{
    /// <summary>Every generated file, keyed by its path under deploy/ ('/' separators).</summary>
    public static SortedDictionary<string, string> Generate(string manifestPath, string repositoryRoot)
    {
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath)) ?? throw new InvalidOperationException("An empty manifest.");
        return new Generator(new ManifestModel(manifest, Path.GetDirectoryName(manifestPath)!), repositoryRoot).Files();
    }

    /// <summary>Files that are missing, different or generated no more (validate/ is not generated).</summary>
    public static List<string> Differences(IReadOnlyDictionary<string, string> files, string folder)
    {
        var differences = files
            .Where(f => !File.Exists(Path.Combine(folder, f.Key)) || File.ReadAllText(Path.Combine(folder, f.Key)) != f.Value)
            .Select(f => f.Key)
            .ToList();
        differences.AddRange(Existing(folder).Where(f => !files.ContainsKey(f)));
        return differences;
    }

    public static void Write(IReadOnlyDictionary<string, string> files, string folder)
    {
        foreach (var stale in Existing(folder).Where(f => !files.ContainsKey(f)))
        {
            File.Delete(Path.Combine(folder, stale));
        }
        foreach (var (name, text) in files)
        {
            var path = Path.Combine(folder, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }
    }

    private static IEnumerable<string> Existing(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
                .Where(f => !f.StartsWith("validate/", StringComparison.Ordinal))
            : [];

    public static string RepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ComplaintsPlatform.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("ComplaintsPlatform.sln not found above " + start);
    }
}

/// <summary>Publishes the AppHost's manifest (container mode, Production) into a temporary folder.</summary>
public static class ManifestPublisher
{
    public static async Task<SortedDictionary<string, string>> GenerateAsync(string repositoryRoot, CancellationToken ct = default)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"cp-deploy-{Guid.NewGuid():N}");
        var output = Path.Combine(folder, "aspire-manifest.json");
        try
        {
            await PublishAsync(repositoryRoot, output, ct);
            return DeployFolder.Generate(output, repositoryRoot);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    public static async Task PublishAsync(string repositoryRoot, string output, CancellationToken ct)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[]
        {
            "run", "--project", "AppHost", "--no-build", "--no-launch-profile", "--",
            "--publisher", "manifest", "--output-path", output,
            "--ComplaintsPlatform:InfrastructureMode=containers", "--environment", "Production",
        })
        {
            start.ArgumentList.Add(arg);
        }
        // The manifest must not depend on who publishes it: no user secrets, no inherited environment.
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"Publishing the manifest failed ({process.ExitCode}): {await stdout}{await stderr}");
        }
    }
}
