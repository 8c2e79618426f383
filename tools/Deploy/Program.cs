using ComplaintsPlatform.Deploy;

// dotnet run --project tools/Deploy [-- --manifest <aspire-manifest.json>] [--output deploy] [--check]
// Without --manifest the AppHost (built) publishes its manifest first. --check writes nothing and
// exits 1 when deploy/ differs from what the manifest gives.
var root = DeployFolder.RepositoryRoot(Directory.GetCurrentDirectory());
var manifestPath = Option("--manifest");
var output = Path.GetFullPath(Option("--output") ?? Path.Combine(root, "deploy"));
var check = args.Contains("--check");

var files = manifestPath is null
    ? await ManifestPublisher.GenerateAsync(root)
    : DeployFolder.Generate(Path.GetFullPath(manifestPath), root);
if (check)
{
    var differences = DeployFolder.Differences(files, output);
    foreach (var difference in differences)
    {
        Console.Error.WriteLine($"differs: {difference}");
    }
    return differences.Count == 0 ? 0 : 1;
}
DeployFolder.Write(files, output);
Console.WriteLine($"Wrote {files.Count} files under {Path.GetRelativePath(root, output)}/.");
return 0;

string? Option(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
