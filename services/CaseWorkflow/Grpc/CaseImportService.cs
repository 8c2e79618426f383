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

/// <summary>
/// The complaints team brings a council's history in: cases, then their remedies and learning actions,
/// from a streaming call or as a job (one start RPC per kind) whose kept file the platform's job runner
/// works with the same code.
/// </summary>
[Authorize(Roles = Roles.ComplaintsTeam)]
public sealed class CaseImportService(
    CaseWorkflowDbContext db, CasePublisher publisher, CaseRulesSource rules, CouncilState state, TimeProvider clock)
    : CaseImport.CaseImportBase
{
    public const string CasesKind = "cases";
    public const string CaseActionsKind = "case_actions";

    public static readonly ImportJobKind CasesJob = new(CasesKind, (services, file, startedBy, progress, ct) =>
        ActivatorUtilities.CreateInstance<CaseImportService>(services).RunCasesAsync(file, startedBy, progress, ct));

    public static readonly ImportJobKind CaseActionsJob = new(CaseActionsKind, (services, file, startedBy, progress, ct) =>
        ActivatorUtilities.CreateInstance<CaseImportService>(services).RunCaseActionsAsync(file, startedBy, progress, ct));

    public override Task<ImportReport> ImportCases(IAsyncStreamReader<ImportChunk> requestStream, ServerCallContext context) =>
        RunCasesAsync(requestStream, Caller.From(context).Subject, null, context.CancellationToken);

    public override Task<ImportReport> ImportCaseActions(IAsyncStreamReader<ImportChunk> requestStream, ServerCallContext context) =>
        RunCaseActionsAsync(requestStream, Caller.From(context).Subject, null, context.CancellationToken);

    public override Task<ImportJob> StartCasesImport(StartImportRequest request, ServerCallContext context) =>
        ImportJobs.StartAsync(db, CasesKind, request, Caller.From(context).Subject, clock.GetUtcNow(), context.CancellationToken);

    public override Task<ImportJob> StartCaseActionsImport(StartImportRequest request, ServerCallContext context) =>
        ImportJobs.StartAsync(db, CaseActionsKind, request, Caller.From(context).Subject, clock.GetUtcNow(), context.CancellationToken);

    public override Task<ImportJob> GetImportJob(GetImportJobRequest request, ServerCallContext context) =>
        ImportJobs.GetAsync(db, request.JobId, context.CancellationToken);

    private async Task<ImportReport> RunCasesAsync(IAsyncStreamReader<ImportChunk> file, string importedBy, JobProgress? job, CancellationToken ct)
    {
        var import = new CaseRowsImport(db, clock, await LoadContextAsync(ct), Actor(importedBy));
        // A batch's rows are written while the next is read: a job saves its progress only once they are in.
        var progress = job is null ? null : job with
        {
            AfterBatch = async (line, report, token) =>
            {
                await import.FlushAsync();
                await job.AfterBatch(line, report, token);
            },
        };
        var result = await ImportRun.RunAsync(file, CaseRows.Required, import.BatchAsync, progress, ct);
        await import.FlushAsync();
        return result;
    }

    private async Task<ImportReport> RunCaseActionsAsync(IAsyncStreamReader<ImportChunk> file, string importedBy, JobProgress? job, CancellationToken ct)
    {
        var import = new CaseActionsImport(db, publisher, rules, await LoadContextAsync(ct), Actor(importedBy));
        return await ImportRun.RunAsync(file, CaseActionRows.Required, import.BatchAsync, job, ct);
    }

    private Task<CaseImportContext> LoadContextAsync(CancellationToken ct) => CaseImportContext.LoadAsync(db, state, rules, ct);

    private Actor Actor(string subject) => new(subject, Roles.ComplaintsTeam, rules.Now);
}
