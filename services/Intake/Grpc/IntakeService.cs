using System.Security.Cryptography;
using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Intake.Correspondence;
using ComplaintsPlatform.Intake.Data;
using ComplaintsPlatform.Intake.Domain;
using ComplaintsPlatform.Intake.Events;
using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.Messaging.Outbox;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ComplaintsPlatform.Intake.Grpc;

/// <summary>Receiving contacts (this file), triage and reads (the other parts).</summary>
public sealed partial class IntakeService(
    IntakeDbContext db,
    IOutbox outbox,
    SubmissionWriter writer,
    CorrespondenceSignal correspondence,
    CouncilClockSource councilClock,
    IOptions<IntakeOptions> options,
    TimeProvider clock) : V1.Intake.IntakeBase
{
    [AllowAnonymous]
    public override async Task<SubmitReply> Submit(SubmitRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        if (caller.ServiceName is not null)
        {
            throw new AccessDeniedException("Contacts come from people, not from services.");
        }
        // A person submits without signing in; only staff and the complaints team log a contact on
        // someone's behalf (and may say when it really arrived). Other officers' tokens are not that.
        if (caller.IsAuthenticated && !caller.IsAnyOf(Roles.Staff, Roles.ComplaintsTeam))
        {
            throw new AccessDeniedException("Only staff and the complaints team log a contact on someone's behalf.");
        }
        var byStaff = caller.IsAuthenticated;
        var now = clock.GetUtcNow();
        var serviceAreas = request.ServiceAreaId.Length > 0
            ? (await db.ServiceAreas.AsNoTracking().Select(s => s.Id).ToListAsync(context.CancellationToken)).ToHashSet()
            : null;
        var council = await councilClock.GetAsync(db, context.CancellationToken);
        SubmissionRules.Validate(request, byStaff, now, council.LocalDate(now), options.Value, serviceAreas);

        var fingerprint = SHA256.HashData(request.ToByteArray());
        return await writer.RecordAsync(new PendingSubmission(request, byStaff ? caller.Subject : null, byStaff, now, council, fingerprint));
    }
}
