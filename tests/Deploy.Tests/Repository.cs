namespace ComplaintsPlatform.Deploy.Tests;

internal static class Repository
{
    public static string Root { get; } = DeployFolder.RepositoryRoot(AppContext.BaseDirectory);

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);
}
