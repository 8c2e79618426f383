using ComplaintsPlatform.CaseWorkflow.Configuration;
using ComplaintsPlatform.CaseWorkflow.Data;
using ComplaintsPlatform.CaseWorkflow.Domain.Cases;
using ComplaintsPlatform.CaseWorkflow.Events;
using ComplaintsPlatform.CaseWorkflow.Import;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Import;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace ComplaintsPlatform.CaseWorkflow.Grpc;

/// <summary>The complaints team brings a council's history in: cases, then their remedies and learning actions.</summary>
[Authorize(Roles = Roles.ComplaintsTeam)]
public sealed class CaseImportService(
    CaseWorkflowDbContext db, CasePublisher publisher, CaseRulesSource rules, CouncilState state, TimeProvider clock)
    : CaseImport.CaseImportBase
{
    public override async Task<ImportReport> ImportCases(IAsyncStreamReader<ImportChunk> requestStream, ServerCallContext context)
    {
        var import = new CaseRowsImport(db, clock, await LoadContextAsync(context), Actor(context));
        var report = await ImportRun.RunAsync(requestStream, CaseRows.Required, import.BatchAsync, context.CancellationToken);
        await import.FlushAsync();
        return report;
    }

    public override async Task<ImportReport> ImportCaseActions(IAsyncStreamReader<ImportChunk> requestStream, ServerCallContext context)
    {
        var import = new CaseActionsImport(db, publisher, rules, await LoadContextAsync(context), Actor(context));
        return await ImportRun.RunAsync(requestStream, CaseActionRows.Required, import.BatchAsync, context.CancellationToken);
    }

    private Task<CaseImportContext> LoadContextAsync(ServerCallContext context) =>
        CaseImportContext.LoadAsync(db, state, rules, context.CancellationToken);

    private Actor Actor(ServerCallContext context) => new(Caller.From(context).Subject, Roles.ComplaintsTeam, rules.Now);
}
