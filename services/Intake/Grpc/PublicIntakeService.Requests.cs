using System.Security.Cryptography;
using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Intake.Data;
using ComplaintsPlatform.Intake.Domain;
using ComplaintsPlatform.Intake.V1;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ComplaintsPlatform.Intake.Grpc;

public sealed partial class PublicIntakeService
{
    private const string RequestIdIndex = "ix_public_requests_client_request_id";
    private const string NoCaseYet =
        "We have not opened your complaint as a case yet. Contact the complaints team, quoting your reference, and they will help.";

    public override async Task<PublicRequestReply> AddInformation(AddInformationRequest request, ServerCallContext context)
    {
        var v = Checked(request.ClientRequestId);
        v.Require(request.Text.Length > 0 || request.Attachments.Count > 0, "text", "is required (or add a file)");
        v.Require(request.Text.Length <= options.Value.MaxDescriptionChars, "text", $"must be at most {options.Value.MaxDescriptionChars} characters");
        SubmissionRules.ValidateAttachments(v, request.Attachments, options.Value);
        v.ThrowIfInvalid();
        var contact = await FindAsync(request.Reference, request.StatusToken, context.CancellationToken);
        if (await KnownAsync(request.ClientRequestId, contact, PublicRequestKinds.Information, context.CancellationToken) is { } known)
        {
            return known;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var row = NewRequest(contact, request.ClientRequestId, PublicRequestKinds.Information, request.Text, now);
        db.PublicRequests.Add(row);
        foreach (var a in request.Attachments)
        {
            var content = a.Content.ToByteArray();
            db.Attachments.Add(new Attachment
            {
                Id = Guid.CreateVersion7(),
                ContactId = contact.Id,
                FileName = a.FileName,
                ContentType = a.ContentType,
                SizeBytes = content.Length,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
                Content = content,
            });
        }
        await db.Contacts.Where(c => c.Id == contact.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.UpdatedAt, now), context.CancellationToken);
        return await ClaimAsync(row, contact, context.CancellationToken);
    }

    public override Task<PublicRequestReply> RequestNextStage(RequestNextStageRequest request, ServerCallContext context)
    {
        var v = Checked(request.ClientRequestId);
        v.Require(request.Reasons.Length <= 10_000, "reasons", "must be at most 10000 characters");
        v.ThrowIfInvalid();
        return ForwardAsync(request.Reference, request.StatusToken, request.ClientRequestId, PublicRequestKinds.NextStage, request.Reasons,
            (contactId, ct) => caseWorkflow.RequestEscalationAsync(
                new CaseWorkflow.V1.PersonEscalationRequest { ContactId = contactId, Reasons = request.Reasons }, cancellationToken: ct).ResponseAsync,
            context.CancellationToken);
    }

    public override Task<PublicRequestReply> Withdraw(WithdrawRequest request, ServerCallContext context)
    {
        var v = Checked(request.ClientRequestId);
        v.Require(request.Reason.Length <= 4_000, "reason", "must be at most 4000 characters");
        v.ThrowIfInvalid();
        return ForwardAsync(request.Reference, request.StatusToken, request.ClientRequestId, PublicRequestKinds.Withdrawal, request.Reason,
            (contactId, ct) => caseWorkflow.WithdrawAsync(
                new CaseWorkflow.V1.PersonWithdrawalRequest { ContactId = contactId, Reason = request.Reason }, cancellationToken: ct).ResponseAsync,
            context.CancellationToken);
    }

    // The request id is claimed first, so a double click forwards once; a refusal gives the id back.
    private async Task<PublicRequestReply> ForwardAsync(string reference, string token, string clientRequestId, string kind, string text,
        Func<string, CancellationToken, Task<CaseWorkflow.V1.PersonRequestReply>> forward, CancellationToken ct)
    {
        var contact = await FindAsync(reference, token, ct);
        if (await KnownAsync(clientRequestId, contact, kind, ct) is { } known)
        {
            return known;
        }
        if (!await db.CaseProgress.AsNoTracking().AnyAsync(p => p.ContactId == contact.Id, ct))
        {
            throw new RuleViolationException(NoCaseYet);
        }
        var row = NewRequest(contact, clientRequestId, kind, text, clock.GetUtcNow().UtcDateTime);
        db.PublicRequests.Add(row);
        var reply = await ClaimAsync(row, contact, ct);
        if (reply.Duplicate)
        {
            return reply;
        }
        try
        {
            var changed = await forward(contact.Id.ToString(), ct);
            row.CaseId = changed.CaseId;
            await db.SaveChangesAsync(ct);
            return reply;
        }
        catch (RpcException ex)
        {
            db.PublicRequests.Remove(row);
            await db.SaveChangesAsync(CancellationToken.None);
            throw ex.StatusCode switch
            {
                StatusCode.NotFound => new RuleViolationException(NoCaseYet),
                // CaseWorkflow's reason (e.g. the response has not been sent yet) is the person's answer.
                StatusCode.FailedPrecondition => new RuleViolationException(ex.Status.Detail),
                _ => ex,
            };
        }
    }

    private async Task<PublicRequestReply> ClaimAsync(PublicRequest row, Contact contact, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Reply(contact, row, duplicate: false);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: RequestIdIndex })
        {
            db.ChangeTracker.Clear();
            return await KnownAsync(row.ClientRequestId, contact, row.Kind, ct)
                ?? throw new AlreadyExistsException("A request with this client_request_id");
        }
    }

    private async Task<PublicRequestReply?> KnownAsync(string clientRequestId, Contact contact, string kind, CancellationToken ct)
    {
        var known = await db.PublicRequests.AsNoTracking().SingleOrDefaultAsync(r => r.ClientRequestId == clientRequestId, ct);
        if (known is null)
        {
            return null;
        }
        if (known.ContactId != contact.Id || known.Kind != kind)
        {
            throw new AlreadyExistsException("A different request with this client_request_id");
        }
        return Reply(contact, known, duplicate: true);
    }

    // The same answer for an unknown reference and a wrong token, as GetStatus gives.
    private async Task<Contact> FindAsync(string reference, string token, CancellationToken ct)
    {
        var contact = await db.Contacts.AsNoTracking().Where(c => c.Reference == reference.Trim()).SingleOrDefaultAsync(ct);
        if (contact is null || !StatusTokens.Matches(token, contact.StatusTokenHash))
        {
            throw new NotFoundException("No contact matches that reference and status code");
        }
        return contact;
    }

    private static Validator Checked(string clientRequestId) => new Validator().NotBlank(clientRequestId, "client_request_id", 100);

    private static PublicRequest NewRequest(Contact contact, string clientRequestId, string kind, string text, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        ContactId = contact.Id,
        ClientRequestId = clientRequestId,
        Kind = kind,
        Text = text,
        ReceivedAt = now,
    };

    private static PublicRequestReply Reply(Contact contact, PublicRequest row, bool duplicate) => new()
    {
        Reference = contact.Reference,
        ReceivedAt = ContactMapping.Ts(row.ReceivedAt),
        Duplicate = duplicate,
    };
}
