using System.Xml.Linq;

namespace ComplaintsPlatform.Deploy;

/// <summary>Names shared by the generated objects, and the images as the projects name them.</summary>
internal static class Naming
{
    public const string PartOf = "complaints-platform";
    public const string PostgresCluster = "complaints-postgres";
    public const string PostgresSuperuserSecret = "complaints-postgres-superuser";
    public const string BackupCredentialsSecret = "complaints-backup-s3";
    public const string TlsSecret = "complaints-platform-tls";
    public const string ProvisionProject = "tools/Provision/Provision.csproj";
    public const string PublicHost = "complaints.example.org";

    /// <summary>
    /// The Chromium that prints Reporting's documents to PDF, beside it in its pod (docs/decisions/0019):
    /// the one image not built from this repository. The production overlay takes it from the
    /// installation's registry, where the version the council has tested is mirrored.
    /// </summary>
    public const string PrinterImage = "chromedp/headless-shell:stable";

    /// <summary>Where the printer listens for DevTools: the pod's loopback only, never the pod's address.</summary>
    public const int PrinterPort = 9222;

    /// <summary>
    /// The image a project builds with <c>dotnet publish -t:PublishContainer</c>: its
    /// ContainerRepository and the platform version (Directory.Build.props), as the SDK tags it.
    /// </summary>
    public static string Image(string repositoryRoot, string projectPath)
    {
        var project = XDocument.Load(Path.Combine(repositoryRoot, projectPath));
        var repository = project.Descendants("ContainerRepository").Select(e => e.Value.Trim()).FirstOrDefault()
            ?? throw new InvalidOperationException($"{projectPath} sets no ContainerRepository.");
        return $"{repository}:{PlatformVersion(repositoryRoot)}";
    }

    public static string PlatformVersion(string repositoryRoot) =>
        XDocument.Load(Path.Combine(repositoryRoot, "Directory.Build.props"))
            .Descendants("PlatformVersion").Select(e => e.Value.Trim()).FirstOrDefault()
        ?? throw new InvalidOperationException("Directory.Build.props sets no PlatformVersion.");
}
