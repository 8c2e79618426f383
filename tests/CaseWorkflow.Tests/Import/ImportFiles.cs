using System.Text;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.TestInfrastructure;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Npgsql;

namespace ComplaintsPlatform.CaseWorkflow.Tests.Import;

/// <summary>Streams a CSV file to an import RPC in small chunks (so rows and quotes cross chunk boundaries), and reads back what it wrote.</summary>
internal static class ImportFiles
{
    public const string CaseHeader =
        "source_id,reference,contact_reference,stream,service_area,team,handler,received,acknowledged,respond_due,responded,finding," +
        "escalation_requested,escalation_accepted,escalation_refused,refusal_reason,stage2_acknowledged,stage2_responded,stage2_finding," +
        "ending,ended,nature_category,root_cause,officer_minutes";

    public static CaseImport.CaseImportClient Client(CaseWorkflowHost host, string role = Roles.ComplaintsTeam, string subject = "officer-cpt-01") =>
        new(host.CreateChannel(TestIdentity.Token(role, subject, "customer-services-team")));

    public static async Task<ImportReport> SendAsync(AsyncClientStreamingCall<ImportChunk, ImportReport> call, string fileName, string csv, bool dryRun = false)
    {
        using (call)
        {
            try
            {
                var bytes = Encoding.UTF8.GetBytes(csv);
                const int chunk = 97;
                for (var i = 0; i < bytes.Length; i += chunk)
                {
                    await call.RequestStream.WriteAsync(new ImportChunk
                    {
                        SourceFile = i == 0 ? fileName : "",
                        DryRun = dryRun,
                        Data = ByteString.CopyFrom(bytes, i, Math.Min(chunk, bytes.Length - i)),
                    });
                }
                await call.RequestStream.CompleteAsync();
            }
            catch (Exception ex) when (ex is RpcException or InvalidOperationException)
            {
                // The server ended the call early (refused it): its status is the response's, awaited below.
            }
            return await call;
        }
    }

    public static string Csv(string header, params string[] rows) => header + "\n" + string.Join("\n", rows) + "\n";

    /// <summary>The case the rows with <paramref name="sourceId"/> made, by the imported-row key.</summary>
    public static async Task<Guid?> CaseIdOfAsync(CaseWorkflowHost host, string sourceId)
    {
        await using var conn = new NpgsqlConnection(host.Database.ConnectionStrings["case-workflow-db"]);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT case_id FROM caseworkflow.imported_rows WHERE source_kind = 'case' AND source_id = @id", conn);
        cmd.Parameters.AddWithValue("id", sourceId);
        return await cmd.ExecuteScalarAsync() as Guid?;
    }

    /// <summary>Every staged event of one case, in order, with its header.</summary>
    public static async Task<List<(string Type, CaseEventHeader Header)>> EventsOfCaseAsync(CaseWorkflowHost host, Guid caseId)
    {
        var registry = TypeRegistry.FromFiles(EventsReflection.Descriptor);
        await using var conn = new NpgsqlConnection(host.Database.ConnectionStrings["case-workflow-db"]);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT payload FROM caseworkflow.outbox_events ORDER BY id", conn);
        var events = new List<(string, CaseEventHeader)>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var message = Google.Protobuf.WellKnownTypes.Any.Parser.ParseFrom((byte[])reader[0]).Unpack(registry);
            if (message?.Descriptor.FindFieldByName("header")?.Accessor.GetValue(message) is CaseEventHeader header && header.CaseId == caseId.ToString())
            {
                events.Add((message.Descriptor.Name, header));
            }
        }
        return events;
    }
}
