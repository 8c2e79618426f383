using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Import;
using Grpc.Core;

namespace ComplaintsPlatform.Compliments.Grpc;

/// <summary>
/// The compliments import as a job: the file is kept with the job and worked through in the background
/// by the platform's <see cref="ImportJobRunner{TDb}"/>, batch by batch with the same row code as
/// ImportCompliments, the progress saved after each.
/// </summary>
public sealed partial class ComplimentsImportService
{
    public const string JobKind = "compliments";

    public static readonly ImportJobKind Job = new(JobKind, (services, file, startedBy, progress, ct) =>
        ActivatorUtilities.CreateInstance<ComplimentsImportService>(services).RunAsync(file, startedBy, progress, ct));

    public override Task<ImportJob> StartImport(StartImportRequest request, ServerCallContext context) =>
        ImportJobs.StartAsync(db, JobKind, request, Caller.From(context).Subject, clock.GetUtcNow(), context.CancellationToken);

    public override Task<ImportJob> GetImportJob(GetImportJobRequest request, ServerCallContext context) =>
        ImportJobs.GetAsync(db, request.JobId, context.CancellationToken);
}
