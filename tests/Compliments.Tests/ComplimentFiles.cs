using System.Text;
using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.ImportTool;
using ComplaintsPlatform.TestInfrastructure;

namespace ComplaintsPlatform.Compliments.Tests;

/// <summary>Small compliments files, sent the way the import tool sends them (in deliberately tiny chunks).</summary>
internal static class ComplimentFiles
{
    public const string Header = "source_id,received_on,service_area,team,officer,channel,giver,words,consent_to_quote,quotable_text";

    public static string Csv(params string[] rows) => string.Join("\n", [Header, .. rows]) + "\n";

    public static string NewPrefix() => Guid.NewGuid().ToString("N")[..8];

    public static string TeamToken => TestIdentity.Token(Roles.ComplaintsTeam, "importer-1");

    public static async Task<ImportReport> ImportAsync(ComplimentsHost host, string csv, string? token, bool dryRun = false, string file = "compliments.csv")
    {
        using var channel = host.CreateChannel();
        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return await new ImportClient(channel.CreateCallInvoker()).SendAsync("compliments", stream, file, dryRun, token, chunkBytes: 29);
    }
}

/// <summary>One host for the import tests; each test keeps to its own source ids and years.</summary>
public sealed class ImportHost : IAsyncLifetime
{
    public ComplimentsHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await ComplimentsHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
