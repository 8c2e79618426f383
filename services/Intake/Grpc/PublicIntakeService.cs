using ComplaintsPlatform.Intake.Events;
using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Intake.Data;
using ComplaintsPlatform.Intake.Domain;
using ComplaintsPlatform.Intake.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ComplaintsPlatform.Intake.Grpc;

/// <summary>
/// The anonymous side of Intake for the public web pages: the form's choices (this file) and the
/// person's own requests about their contact (the other part), authorised by reference and status token.
/// </summary>
[AllowAnonymous]
public sealed partial class PublicIntakeService(
    IntakeDbContext db,
    CaseWorkflow.V1.PersonRequests.PersonRequestsClient caseWorkflow,
    IOptions<IntakeOptions> options,
    CouncilClockSource councilClock,
    TimeProvider clock) : PublicIntake.PublicIntakeBase
{
    private static readonly ContactKind[] s_publicKinds = [ContactKind.Complaint, ContactKind.Compliment, ContactKind.Comment];

    public override async Task<PublicForm> GetPublicForm(GetPublicFormRequest request, ServerCallContext context)
    {
        var limits = options.Value;
        var form = new PublicForm
        {
            CouncilName = await db.ConfigurationState.AsNoTracking().Select(s => s.CouncilName).FirstOrDefaultAsync(context.CancellationToken) ?? "",
            MaxAttachments = limits.MaxAttachments,
            MaxAttachmentBytes = limits.MaxAttachmentBytes,
            MaxAttachmentsTotalBytes = limits.MaxAttachmentsTotalBytes,
            AllowedAttachmentExtensions = { limits.AllowedAttachmentExtensions },
            Kinds = { s_publicKinds },
        };
        var areas = await db.ServiceAreas.AsNoTracking().ToListAsync(context.CancellationToken);
        foreach (var directorate in areas.GroupBy(a => (a.DirectorateId, a.DirectorateName)).OrderBy(g => g.Key.DirectorateName, StringComparer.OrdinalIgnoreCase))
        {
            var entry = new PublicDirectorate { Id = directorate.Key.DirectorateId, Name = Named(directorate.Key.DirectorateName, directorate.Key.DirectorateId) };
            entry.ServiceAreas.AddRange(directorate.OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase)
                .Select(a => new PublicServiceArea { Id = a.Id, Name = Named(a.Name, a.Id) }));
            form.Directorates.Add(entry);
        }
        return form;
    }

    public override async Task<ValidateSubmissionReply> ValidateSubmission(SubmitRequest request, ServerCallContext context)
    {
        // Exactly what Submit checks before it writes anything.
        var caller = Caller.From(context);
        var serviceAreas = request.ServiceAreaId.Length > 0
            ? (await db.ServiceAreas.AsNoTracking().Select(s => s.Id).ToListAsync(context.CancellationToken)).ToHashSet()
            : null;
        var now = clock.GetUtcNow();
        var council = await councilClock.GetAsync(db, context.CancellationToken);
        SubmissionRules.Validate(request, caller.IsAuthenticated && caller.ServiceName is null, now, council.LocalDate(now), options.Value, serviceAreas);
        return new ValidateSubmissionReply();
    }

    // A configuration from before names were kept shows the id until the council's next change.
    private static string Named(string name, string id) => string.IsNullOrWhiteSpace(name) ? id : name;
}
