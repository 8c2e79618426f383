namespace ComplaintsPlatform.Deploy.Tests;

public sealed class GeneratedManifestTests
{
    [Fact]
    public async Task Regenerating_deploy_from_the_AppHost_manifest_gives_exactly_the_committed_files()
    {
        var files = await ManifestPublisher.GenerateAsync(Repository.Root);

        var differences = DeployFolder.Differences(files, Repository.Path("deploy"));

        Assert.True(differences.Count == 0,
            "deploy/ is not what the AppHost's manifest gives; run `dotnet run --project tools/Deploy` and commit. Differs: "
            + string.Join(", ", differences));
    }

    [Fact]
    public void A_changed_or_extra_file_under_deploy_counts_as_drift()
    {
        var folder = Directory.CreateTempSubdirectory("cp-deploy-drift-").FullName;
        try
        {
            var files = new SortedDictionary<string, string> { ["base/a.yaml"] = "a: 1\n", ["base/b.yaml"] = "b: 1\n" };
            DeployFolder.Write(files, folder);
            File.WriteAllText(Path.Combine(folder, "base", "a.yaml"), "a: 2\n");
            File.WriteAllText(Path.Combine(folder, "base", "c.yaml"), "c: 1\n");

            Assert.Equal(["base/a.yaml", "base/c.yaml"], DeployFolder.Differences(files, folder).Order());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
