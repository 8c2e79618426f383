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

/// <summary>The complaints team brings the council's Ombudsman history in: enquiries with their decisions, then recommendations.</summary>
[Authorize(Roles = Roles.ComplaintsTeam)]
public sealed class OmbudsmanImportService(
    OmbudsmanLiaisonDbContext db, IOutbox outbox, CouncilCalendar calendars, ICaseDirectory cases, TimeProvider clock)
    : OmbudsmanImport.OmbudsmanImportBase
{
    public override async Task<ImportReport> ImportEnquiries(IAsyncStreamReader<ImportChunk> requestStream, ServerCallContext context)
    {
        var import = new EnquiriesImport(db, outbox, cases, await ActorAsync(context));
        return await ImportRun.RunAsync(requestStream, EnquiryRows.Required, import.BatchAsync, context.CancellationToken);
    }

    public override async Task<ImportReport> ImportRecommendations(IAsyncStreamReader<ImportChunk> requestStream, ServerCallContext context)
    {
        var import = new RecommendationsImport(db, outbox, await ActorAsync(context));
        return await ImportRun.RunAsync(requestStream, RecommendationsImport.Required, import.BatchAsync, context.CancellationToken);
    }

    private async Task<ImportActor> ActorAsync(ServerCallContext context)
    {
        var calendar = await calendars.GetAsync(db, context.CancellationToken);
        return new ImportActor(Caller.From(context).Subject, clock.GetUtcNow(), calendars.Today(calendar), calendar);
    }
}
