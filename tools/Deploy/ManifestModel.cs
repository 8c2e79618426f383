using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ComplaintsPlatform.Deploy;

/// <summary>The parts of the Aspire manifest (aspire-manifest.json) the generator reads.</summary>
internal sealed partial class ManifestModel
{
    private readonly JsonObject _resources;

    public ManifestModel(JsonNode manifest, string manifestDirectory)
    {
        _resources = manifest["resources"]?.AsObject() ?? throw new InvalidOperationException("The manifest has no resources.");
        ManifestDirectory = manifestDirectory;
    }

    public string ManifestDirectory { get; }

    public IEnumerable<string> Names => _resources.Select(r => r.Key);

    public JsonObject Resource(string name) =>
        _resources[name]?.AsObject() ?? throw new InvalidOperationException($"The manifest has no resource '{name}'.");

    public string TypeOf(string name) => (string?)Resource(name)["type"] ?? "";

    public IEnumerable<string> Projects => _resources.Where(r => (string?)r.Value?["type"] == "project.v0").Select(r => r.Key);

    public bool IsSecretParameter(string name) =>
        _resources.ContainsKey(name) && TypeOf(name) == "parameter.v0"
        && (bool?)Resource(name)["inputs"]?["value"]?["secret"] == true;

    /// <summary>A project's environment, in the manifest's order.</summary>
    public IEnumerable<(string Name, string Value)> Environment(string project) =>
        (Resource(project)["env"]?.AsObject() ?? []).Select(e => (e.Key, (string?)e.Value ?? ""));

    /// <summary>A project's endpoints other than the https ones Aspire adds but nothing serves.</summary>
    public IEnumerable<(string Name, int Port, string Transport)> Bindings(string project) =>
        (Resource(project)["bindings"]?.AsObject() ?? [])
            .Where(b => (string?)b.Value?["scheme"] != "https")
            .Select(b => (b.Key, (int)b.Value!["targetPort"]!, (string?)b.Value["transport"] ?? "http"));

    public int TargetPort(string resource, string binding) =>
        (int?)Resource(resource)["bindings"]?[binding]?["targetPort"]
        ?? throw new InvalidOperationException($"{resource} has no binding {binding}.");

    /// <summary>The project file a project resource builds, relative to the repository root.</summary>
    public string ProjectPath(string project, string repositoryRoot)
    {
        var path = (string?)Resource(project)["path"] ?? throw new InvalidOperationException($"{project} has no path.");
        var full = Path.GetFullPath(Path.Combine(ManifestDirectory, path));
        return Path.GetRelativePath(repositoryRoot, full).Replace('\\', '/');
    }

    /// <summary>The image tag of a container resource, e.g. 18.3 of docker.io/library/postgres:18.3.</summary>
    public string ImageTag(string container)
    {
        var image = (string?)Resource(container)["image"] ?? throw new InvalidOperationException($"{container} has no image.");
        return image[(image.LastIndexOf(':') + 1)..];
    }

    public string Image(string container) =>
        (string?)Resource(container)["image"] ?? throw new InvalidOperationException($"{container} has no image.");

    /// <summary>The logins the manifest's connection strings use: (connection name, user name, password parameter).</summary>
    public IEnumerable<(string ConnectionName, string Username, string PasswordParameter)> DatabaseLogins() =>
        _resources.Where(r => (string?)r.Value?["type"] == "value.v0")
            .Select(r => (r.Key, Match: Login().Match((string?)r.Value!["connectionString"] ?? "")))
            .Where(r => r.Match.Success)
            .Select(r => (r.Key, r.Match.Groups["user"].Value, r.Match.Groups["password"].Value));

    [GeneratedRegex(@"Database=complaints;Username=(?<user>[a-z_]+);Password=\{(?<password>[a-z0-9-]+)\.value\}")]
    private static partial Regex Login();
}
