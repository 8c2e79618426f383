using System.Text;
using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.ImportTool;
using ComplaintsPlatform.TestInfrastructure;

namespace ComplaintsPlatform.Intake.Tests.Support;

/// <summary>Small contacts files, sent the way the import tool sends them (in deliberately tiny chunks).</summary>
internal static class ContactFiles
{
    public const string Header = "source_id,reference,kind,channel,received,triage_decision,reason_code,triaged,service_area,stream,name,email,phone,summary";

    public static string Csv(params string[] rows) => string.Join("\r\n", [Header, .. rows]) + "\r\n";

    /// <summary>A prefix of its own for each test's source ids, references and addresses.</summary>
    public static string NewPrefix() => Guid.NewGuid().ToString("N")[..8];

    public static string TeamToken => TestIdentity.Token(Roles.ComplaintsTeam, "importer-1");

    public static async Task<ImportReport> ImportAsync(IntakeHost host, string csv, string? token, bool dryRun = false, string file = "contacts.csv")
    {
        using var channel = host.CreateChannel();
        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        // Chunks far smaller than a row, so rows and quoted fields straddle chunk boundaries.
        return await new ImportClient(channel.CreateCallInvoker()).SendAsync("contacts", stream, file, dryRun, token, chunkBytes: 37);
    }
}
