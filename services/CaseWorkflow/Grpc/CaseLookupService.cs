using ComplaintsPlatform.CaseWorkflow.Data;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Hosting.Identity;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.CaseWorkflow.Grpc;

/// <summary>
/// Which case a reference names, for linking an Ombudsman enquiry to it: the ombudsman service as
/// itself, or a link officer or the complaints team (whose look-up is audited like any case read).
/// </summary>
[Authorize(Roles = $"{Roles.Service},{Roles.LinkOfficer},{Roles.ComplaintsTeam}")]
public sealed class CaseLookupService(CaseWorkflowDbContext db, CaseWork work) : CaseLookup.CaseLookupBase
{
    private const string OmbudsmanService = "ombudsman";

    public override async Task<FoundCase> FindCase(FindCaseRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        if (caller.IsInRole(Roles.Service) && caller.ServiceName != OmbudsmanService)
        {
            throw new AccessDeniedException("Only the Ombudsman liaison service may look cases up as a service.");
        }
        new Validator().NotBlank(request.Reference, "reference", 100).ThrowIfInvalid();
        var row = await db.Cases.AsNoTracking()
            .Where(c => c.Reference == request.Reference)
            .Select(c => new { c.Id, c.Reference, c.Stream, c.DirectorateId, c.ServiceAreaId, c.Status })
            .FirstOrDefaultAsync(context.CancellationToken)
            ?? throw new NotFoundException($"A case with reference {request.Reference}");
        if (caller.ServiceName is null)
        {
            await work.AuditAsync(row.Id, caller, caller.Roles.FirstOrDefault(), nameof(FindCase), save: true, context.CancellationToken);
        }
        return new FoundCase
        {
            CaseId = row.Id.ToString(),
            Reference = row.Reference,
            Stream = (ComplaintStream)row.Stream,
            DirectorateId = row.DirectorateId,
            ServiceAreaId = row.ServiceAreaId,
            Status = (V1.CaseStatus)row.Status,
        };
    }
}
