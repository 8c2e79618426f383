using System.Text.Json;
using ComplaintsPlatform.CaseWorkflow.Data;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Hosting.Identity;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.CaseWorkflow.Grpc;

/// <summary>The words of a letter we asked Intake to send: for the intake service principal only.</summary>
[Authorize(Roles = Roles.Service)]
public sealed class CaseInternalService(CaseWorkflowDbContext db) : CaseInternal.CaseInternalBase
{
    public const string IntakeService = "intake";

    public override async Task<CorrespondenceContent> GetCorrespondenceContent(GetCorrespondenceContentRequest request, ServerCallContext context)
    {
        if (Caller.From(context).ServiceName != IntakeService)
        {
            throw new AccessDeniedException("Only Intake may read the content of correspondence.");
        }
        if (!Guid.TryParse(request.RequestId, out var id))
        {
            throw new ValidationException([new FieldViolation("request_id", "is not a request id")]);
        }
        var row = await db.Correspondence.AsNoTracking().FirstOrDefaultAsync(r => r.RequestId == id, context.CancellationToken)
            ?? throw new NotFoundException($"Correspondence request {request.RequestId}");
        return new CorrespondenceContent
        {
            RequestId = row.RequestId.ToString(),
            CaseId = row.CaseId.ToString(),
            TemplateCode = row.TemplateCode,
            Texts = { JsonSerializer.Deserialize<Dictionary<string, string>>(row.Texts) ?? [] },
        };
    }
}
