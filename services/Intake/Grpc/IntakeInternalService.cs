using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Intake.Correspondence;
using ComplaintsPlatform.Intake.Data;
using ComplaintsPlatform.Intake.Domain;
using ComplaintsPlatform.Intake.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ComplaintsPlatform.Intake.Grpc;

/// <summary>What other platform services may ask of Intake as themselves; never people.</summary>
[Authorize(Roles = Roles.Service)]
public sealed class IntakeInternalService(IntakeDbContext db, CorrespondenceSignal signal, TimeProvider clock)
    : IntakeInternal.IntakeInternalBase
{
    public static readonly IReadOnlySet<string> AllowedServices = new HashSet<string> { "caseworkflow", "ombudsman", "compliments" };

    public override async Task<ContactForCase> GetContactForCase(GetContactForCaseRequest request, ServerCallContext context)
    {
        var service = RequireService(context);
        var id = ParseId(request.ContactId, "contact_id");
        var c = await db.Contacts.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, context.CancellationToken)
            ?? throw new NotFoundException("The contact");
        db.AccessLog.Add(new AccessRecord { ContactId = c.Id, Subject = "service:" + service, Action = "read contact for case", At = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(context.CancellationToken);
        var reply = new ContactForCase
        {
            ContactId = c.Id.ToString(),
            Reference = c.Reference,
            PersonId = c.PersonId.ToString(),
            Kind = (ContactKind)c.Kind,
            Channel = (Channel)c.Channel,
            ReceivedAt = ContactMapping.Ts(c.ReceivedAt),
            Description = c.Description,
            OutcomeSought = c.OutcomeSought ?? "",
            HappenedOn = ProtoDates.ToProto(c.HappenedOn),
            ServiceAreaId = c.ServiceAreaId ?? "",
            HasRepresentative = c.HasRepresentative,
            RepresentativeConsentScope = (ConsentScope)c.RepresentativeConsentScope,
            PreferredContactMethod = (ContactMethod)c.PreferredContactMethod,
        };
        reply.ReasonableAdjustments.AddRange(c.Adjustments.Select(a => (Adjustment)a));
        return reply;
    }

    public override async Task<SendCorrespondenceReply> SendCorrespondence(SendCorrespondenceRequest request, ServerCallContext context)
    {
        var service = RequireService(context);
        var v = new Validator()
            .NotBlank(request.RequestId, "request_id", 100)
            .Require(Templates.ForOtherServices.Contains(request.TemplateCode), "template_code", "is not a known template")
            .Require(request.CaseId.Length <= 100, "case_id", "must be at most 100 characters")
            .Require(request.Facts.Count <= 50, "facts", "at most 50 facts")
            .Require(request.Facts.All(f => f.Key.Length <= 100 && f.Value.Length <= 20_000), "facts", "keys at most 100 and values at most 20000 characters");
        DateOnly? deadline = null;
        if (request.Deadline is not null)
        {
            v.Require(ProtoDates.TryToDateOnly(request.Deadline, out var d), "deadline", "is not a real date");
            deadline = d;
        }
        var staff = request.TemplateCode == Templates.StaffNotification;
        v.Require(!staff || request.TeamId.Length > 0 || request.ServiceAreaId.Length > 0, "team_id", "a staff notification needs a team or service area");
        v.Require(staff || request.ContactId.Length > 0, "contact_id", "is required for a letter to the person");
        v.ThrowIfInvalid();

        // Namespaced by caller, so two services' request ids can never collide.
        var requestId = $"{service}:{request.RequestId}";
        if (await ExistingAsync(requestId, context.CancellationToken) is { } earlier)
        {
            return earlier;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var facts = request.Facts.ToDictionary(f => f.Key, f => f.Value);
        CorrespondenceMessage message;
        if (staff)
        {
            var email = request.TeamId.Length > 0
                ? await db.Teams.Where(t => t.Id == request.TeamId).Select(t => t.Email).SingleOrDefaultAsync(context.CancellationToken)
                : await db.ServiceAreas.Where(s => s.Id == request.ServiceAreaId).Select(s => s.NotificationEmail).SingleOrDefaultAsync(context.CancellationToken);
            if (string.IsNullOrEmpty(email))
            {
                throw new RuleViolationException("The directory has no address for that team or service area.");
            }
            message = CorrespondenceDesk.ForStaff(email, facts, requestId, NullIfEmpty(request.CaseId), null, deadline, now);
        }
        else
        {
            var contactId = ParseId(request.ContactId, "contact_id");
            var contact = await db.Contacts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == contactId, context.CancellationToken)
                ?? throw new NotFoundException("The contact");
            message = CorrespondenceDesk.ForContact(contact, request.TemplateCode, facts, requestId, NullIfEmpty(request.CaseId), deadline, now);
        }
        db.Correspondence.Add(message);
        try
        {
            await db.SaveChangesAsync(context.CancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            return await ExistingAsync(requestId, context.CancellationToken) ?? throw new InvalidOperationException("Lost request.");
        }
        signal.Notify();
        return Reply(message.Id, message.DeliveredBy, message.RecipientKind, message.Status, duplicate: false);
    }

    private async Task<SendCorrespondenceReply?> ExistingAsync(string requestId, CancellationToken ct)
    {
        var m = await db.Correspondence.AsNoTracking().Where(x => x.RequestId == requestId)
            .Select(x => new { x.Id, x.DeliveredBy, x.RecipientKind, x.Status }).SingleOrDefaultAsync(ct);
        return m is null ? null : Reply(m.Id, m.DeliveredBy, m.RecipientKind, m.Status, duplicate: true);
    }

    private static SendCorrespondenceReply Reply(Guid id, string deliveredBy, string recipientKind, string status, bool duplicate) => new()
    {
        CorrespondenceId = id.ToString(),
        DeliveredBy = status == CorrespondenceStatus.NoRoute ? "NONE" : deliveredBy,
        RecipientKind = recipientKind,
        Duplicate = duplicate,
    };

    private static string RequireService(ServerCallContext context)
    {
        var name = Caller.From(context).ServiceName;
        if (name is null || !AllowedServices.Contains(name))
        {
            throw new AccessDeniedException("Only the caseworkflow, ombudsman and compliments services may call IntakeInternal.");
        }
        return name;
    }

    private static Guid ParseId(string value, string field) =>
        Guid.TryParse(value, out var id) ? id : throw new ValidationException([new FieldViolation(field, "is not a valid id")]);

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
