using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Import;
using ComplaintsPlatform.Messaging.Outbox;
using ComplaintsPlatform.Ombudsman.V1;
using ComplaintsPlatform.OmbudsmanLiaison.Cases;
using ComplaintsPlatform.OmbudsmanLiaison.Data;
using ComplaintsPlatform.OmbudsmanLiaison.Domain;
using ComplaintsPlatform.OmbudsmanLiaison.Import;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace ComplaintsPlatform.OmbudsmanLiaison.Grpc;

/// <summary>
/// The complaints team brings the council's Ombudsman history in: enquiries with their decisions, then
/// recommendations, from a streaming call or as a job (one start RPC per kind) whose kept file the
/// platform's job runner works with the same code.
/// </summary>
[Authorize(Roles = Roles.ComplaintsTeam)]
public sealed class OmbudsmanImportService(
    OmbudsmanLiaisonDbContext db, IOutbox outbox, CouncilCalendar calendars, ICaseDirectory cases, TimeProvider clock)
    : OmbudsmanImport.OmbudsmanImportBase
{
    public const string EnquiriesKind = "enquiries";
    public const string RecommendationsKind = "recommendations";

    public static readonly ImportJobKind EnquiriesJob = new(EnquiriesKind, (services, file, startedBy, progress, ct) =>
        ActivatorUtilities.CreateInstance<OmbudsmanImportService>(services).RunEnquiriesAsync(file, startedBy, progress, ct));

    public static readonly ImportJobKind RecommendationsJob = new(RecommendationsKind, (services, file, startedBy, progress, ct) =>
        ActivatorUtilities.CreateInstance<OmbudsmanImportService>(services).RunRecommendationsAsync(file, startedBy, progress, ct));

    public override Task<ImportReport> ImportEnquiries(IAsyncStreamReader<ImportChunk> requestStream, ServerCallContext context) =>
        RunEnquiriesAsync(requestStream, Caller.From(context).Subject, null, context.CancellationToken);

    public override Task<ImportReport> ImportRecommendations(IAsyncStreamReader<ImportChunk> requestStream, ServerCallContext context) =>
        RunRecommendationsAsync(requestStream, Caller.From(context).Subject, null, context.CancellationToken);

    public override Task<ImportJob> StartEnquiriesImport(StartImportRequest request, ServerCallContext context) =>
        ImportJobs.StartAsync(db, EnquiriesKind, request, Caller.From(context).Subject, clock.GetUtcNow(), context.CancellationToken);

    public override Task<ImportJob> StartRecommendationsImport(StartImportRequest request, ServerCallContext context) =>
        ImportJobs.StartAsync(db, RecommendationsKind, request, Caller.From(context).Subject, clock.GetUtcNow(), context.CancellationToken);

    public override Task<ImportJob> GetImportJob(GetImportJobRequest request, ServerCallContext context) =>
        ImportJobs.GetAsync(db, request.JobId, context.CancellationToken);

    private async Task<ImportReport> RunEnquiriesAsync(IAsyncStreamReader<ImportChunk> file, string importedBy, JobProgress? job, CancellationToken ct)
    {
        var import = new EnquiriesImport(db, outbox, cases, await ActorAsync(importedBy, ct));
        return await ImportRun.RunAsync(file, EnquiryRows.Required, import.BatchAsync, job, ct);
    }

    private async Task<ImportReport> RunRecommendationsAsync(IAsyncStreamReader<ImportChunk> file, string importedBy, JobProgress? job, CancellationToken ct)
    {
        var import = new RecommendationsImport(db, outbox, await ActorAsync(importedBy, ct));
        return await ImportRun.RunAsync(file, RecommendationsImport.Required, import.BatchAsync, job, ct);
    }

    private async Task<ImportActor> ActorAsync(string importedBy, CancellationToken ct)
    {
        var calendar = await calendars.GetAsync(db, ct);
        return new ImportActor(importedBy, clock.GetUtcNow(), calendars.Today(calendar), calendar);
    }
}
