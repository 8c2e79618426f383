using System.Text;
using ComplaintsPlatform.Common.V1;
using Google.Protobuf;
using Npgsql;

namespace ComplaintsPlatform.TestInfrastructure;

/// <summary>Waiting for a service's import job, and leaving one as a replica stopped mid-file would.</summary>
public static class ImportJobsUnderTest
{
    /// <summary>Polls <paramref name="get"/> until the job is done or failed.</summary>
    public static async Task<ImportJob> FinishedAsync(Func<GetImportJobRequest, Task<ImportJob>> get, string jobId)
    {
        ImportJob job = new();
        await Eventually.TrueAsync(async () =>
        {
            job = await get(new GetImportJobRequest { JobId = jobId });
            return job.Status is ImportJobStatus.Done or ImportJobStatus.Failed;
        }, "the import job is finished", TimeSpan.FromSeconds(90));
        return job;
    }

    /// <summary>
    /// A real (not dry-run) job of <paramref name="kind"/> in <paramref name="schema"/>.import_jobs, running,
    /// its lease long run out (before any test clock's now), with <paramref name="resumeAfterLine"/> and <paramref name="partial"/>
    /// as its last saved batch left them.
    /// </summary>
    public static async Task<Guid> CutShortAsync(string connectionString, string schema, string kind, string sourceFile, string csv,
        int resumeAfterLine, ImportReport partial, string startedBy = "importer-1")
    {
        var id = Guid.CreateVersion7();
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            $"""
            INSERT INTO "{schema}".import_jobs (id, kind, source_file, dry_run, status, content, rows_total, resume_after_line, rows_done, report, started_by, queued_at, lease_until)
            VALUES (@id, @kind, @file, false, 'Running', @content, @total, @after, @done, @report, @by, timestamptz '2000-01-01 00:00Z', timestamptz '2000-01-01 00:01Z')
            """, conn);
        cmd.Parameters.AddWithValue("id", id);
        cmd.Parameters.AddWithValue("kind", kind);
        cmd.Parameters.AddWithValue("file", sourceFile);
        cmd.Parameters.AddWithValue("content", Encoding.UTF8.GetBytes(csv));
        cmd.Parameters.AddWithValue("total", csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1);
        cmd.Parameters.AddWithValue("after", resumeAfterLine);
        cmd.Parameters.AddWithValue("done", partial.RowsRead);
        cmd.Parameters.AddWithValue("report", JsonFormatter.Default.Format(partial));
        cmd.Parameters.AddWithValue("by", startedBy);
        await cmd.ExecuteNonQueryAsync();
        return id;
    }
}
