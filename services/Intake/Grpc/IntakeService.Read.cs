using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Intake.Data;
using ComplaintsPlatform.Intake.Domain;
using ComplaintsPlatform.Intake.V1;
using Google.Protobuf;
using ComplaintsPlatform.Retention;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Intake.Grpc;

public sealed partial class IntakeService
{
    private const string StatusNotFound = "No contact matches that reference and status code";

    [AllowAnonymous]
    public override async Task<ContactStatus> GetStatus(GetStatusRequest request, ServerCallContext context)
    {
        new Validator().NotBlank(request.Reference, "reference", 20).NotBlank(request.StatusToken, "status_token", 100).ThrowIfInvalid();
        var contact = await db.Contacts.AsNoTracking().Where(c => c.Reference == request.Reference)
            .Select(c => new { c.Id, c.Reference, c.ReceivedAt, c.Decision, c.TriagedAt, c.UpdatedAt, c.StatusTokenHash })
            .SingleOrDefaultAsync(context.CancellationToken);
        // The same answer for an unknown reference and a wrong token, so guessing learns nothing.
        if (contact is null || !StatusTokens.Matches(request.StatusToken, contact.StatusTokenHash))
        {
            throw new NotFoundException(StatusNotFound);
        }
        var status = new ContactStatus
        {
            Reference = contact.Reference,
            Stage = contact.Decision == 0 ? ContactStage.Received : ContactStage.Triaged,
            ReceivedAt = ContactMapping.Ts(contact.ReceivedAt),
            HandledAs = (TriageDecision)contact.Decision,
            LastUpdateAt = ContactMapping.Ts(contact.UpdatedAt),
        };
        // The person reads days, in the council's own time zone.
        var council = await councilClock.GetAsync(db, context.CancellationToken);
        status.ReceivedOn = council.LocalDate(Utc(contact.ReceivedAt)).ToProto();
        status.LastUpdateOn = council.LocalDate(Utc(contact.UpdatedAt)).ToProto();
        status.LettersSent.AddRange(await db.Correspondence.AsNoTracking()
            .Where(m => m.ContactId == contact.Id && m.RecipientKind != RecipientKinds.Staff && m.SentAt != null)
            .OrderBy(m => m.SentAt).Select(m => m.Subject ?? m.TemplateCode).ToListAsync(context.CancellationToken));
        if (await db.CaseProgress.AsNoTracking().SingleOrDefaultAsync(p => p.ContactId == contact.Id, context.CancellationToken) is { } progress)
        {
            status.CaseProgress = ContactMapping.ToProgress(progress);
        }
        return status;
    }

    private static DateTimeOffset Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    // Contacts hold personal data: the complaints team, and staff for what they logged (Authorise).
    [Authorize(Roles = Roles.ComplaintsTeam + "," + Roles.Staff)]
    public override async Task<ContactDetail> GetContact(GetContactRequest request, ServerCallContext context)
    {
        var id = ParseId(request.ContactId, "contact_id");
        var contact = await db.Contacts.SingleOrDefaultAsync(c => c.Id == id, context.CancellationToken)
            ?? throw new NotFoundException("The contact");
        Authorise(contact, Caller.From(context));
        await AuditAsync(contact.Id, Caller.From(context), "read contact", context.CancellationToken);
        return await DetailAsync(await WithChildrenAsync(contact, context.CancellationToken), context.CancellationToken);
    }

    [Authorize(Roles = Roles.ComplaintsTeam + "," + Roles.Staff)]
    public override async Task<ContactDetail> FindContactByReference(FindContactByReferenceRequest request, ServerCallContext context)
    {
        new Validator().NotBlank(request.Reference, "reference", 20).ThrowIfInvalid();
        var reference = request.Reference.Trim();
        var contact = await db.Contacts.SingleOrDefaultAsync(c => c.Reference == reference, context.CancellationToken)
            ?? throw new NotFoundException("The contact");
        Authorise(contact, Caller.From(context));
        await AuditAsync(contact.Id, Caller.From(context), "read contact", context.CancellationToken);
        return await DetailAsync(await WithChildrenAsync(contact, context.CancellationToken), context.CancellationToken);
    }

    [Authorize(Roles = Roles.ComplaintsTeam + "," + Roles.Staff)]
    public override async Task<AttachmentContent> GetAttachment(GetAttachmentRequest request, ServerCallContext context)
    {
        var id = ParseId(request.AttachmentId, "attachment_id");
        var attachment = await db.Attachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, context.CancellationToken)
            ?? throw new NotFoundException("The attachment");
        var contact = await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == attachment.ContactId, context.CancellationToken);
        Authorise(contact, Caller.From(context));
        await AuditAsync(contact.Id, Caller.From(context), $"read attachment {attachment.Id}", context.CancellationToken);
        return new AttachmentContent
        {
            Info = new AttachmentInfo
            {
                Id = attachment.Id.ToString(), FileName = attachment.FileName, ContentType = attachment.ContentType,
                SizeBytes = attachment.SizeBytes, Sha256 = attachment.Sha256,
            },
            Content = ByteString.CopyFrom(attachment.Content),
        };
    }

    [Authorize(Roles = Roles.ComplaintsTeam)]
    public override async Task<CorrespondenceList> ListCorrespondence(ListCorrespondenceRequest request, ServerCallContext context)
    {
        var id = ParseId(request.ContactId, "contact_id");
        var items = await db.Correspondence.AsNoTracking().Where(m => m.ContactId == id).OrderBy(m => m.RequestedAt).ThenBy(m => m.Id)
            .ToListAsync(context.CancellationToken);
        await AuditCorrespondenceAsync(items, Caller.From(context), nameof(ListCorrespondence), context.CancellationToken);
        var list = new CorrespondenceList();
        list.Items.AddRange(items.Select(m => new CorrespondenceRecord
        {
            Id = m.Id.ToString(),
            TemplateCode = m.TemplateCode,
            CaseId = m.CaseId ?? "",
            DeliveredBy = m.DeliveredBy,
            RecipientKind = m.RecipientKind,
            Recipient = string.Join(", ", m.RecipientAddress),
            RequestedAt = ContactMapping.Ts(m.RequestedAt),
            SentAt = m.SentAt is { } s ? ContactMapping.Ts(s) : null,
            Deadline = ProtoDates.ToProto(m.Deadline),
            WithinDeadline = m.WithinDeadline ?? false,
            Status = m.Status,
            LargePrint = m.LargePrint,
            Subject = m.Subject ?? "",
        }));
        return list;
    }

    [Authorize(Roles = Roles.ComplaintsTeam)]
    public override async Task<CorrespondenceDocument> GetCorrespondenceDocument(GetCorrespondenceDocumentRequest request, ServerCallContext context)
    {
        var id = ParseId(request.CorrespondenceId, "correspondence_id");
        var message = await db.Correspondence.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, context.CancellationToken)
            ?? throw new NotFoundException("The message");
        if (message.Document is null)
        {
            throw new RuleViolationException("The message has not been rendered yet.");
        }
        await AuditCorrespondenceAsync([message], Caller.From(context), nameof(GetCorrespondenceDocument), context.CancellationToken);
        return new CorrespondenceDocument { MediaType = message.MediaType ?? "", Content = ByteString.CopyFrom(message.Document) };
    }

    // complaints_team sees everything; other staff see what they logged. Handlers reach contacts
    // through their cases, once CaseWorkflow's allocations are consumed here.
    private static void Authorise(Contact contact, Caller caller)
    {
        if (caller.IsInRole(Roles.ComplaintsTeam) || (contact.RecordedBy is not null && contact.RecordedBy == caller.Subject && caller.ServiceName is null))
        {
            return;
        }
        throw new AccessDeniedException("Only the complaints team, or the officer who logged it, may see this contact.");
    }

    private async Task AuditAsync(Guid contactId, Caller caller, string action, CancellationToken ct)
    {
        db.AccessLog.Add(new AccessRecord { ContactId = contactId, Subject = caller.Subject, Action = action, At = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
    }

    // Letters and emails name the person: each one read is in the read audit, with the person where a contact says who.
    private async Task AuditCorrespondenceAsync(IReadOnlyList<CorrespondenceMessage> messages, Caller caller, string action, CancellationToken ct)
    {
        var contactIds = messages.Where(m => m.ContactId is not null).Select(m => m.ContactId!.Value).Distinct().ToList();
        var persons = await db.Contacts.AsNoTracking().Where(c => contactIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.PersonId, ct);
        var now = clock.GetUtcNow();
        foreach (var m in messages)
        {
            var person = m.ContactId is { } c && persons.TryGetValue(c, out var p) ? p.ToString() : null;
            ReadAudit.Add(db, caller, now, action, AuditKinds.Correspondence, m.Id.ToString(), person, m.CaseId);
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task<ContactDetail> DetailAsync(Contact contact, CancellationToken ct)
    {
        var attachments = await db.Attachments.AsNoTracking().Where(a => a.ContactId == contact.Id).OrderBy(a => a.Id)
            .Select(a => new AttachmentInfo { Id = a.Id.ToString(), FileName = a.FileName, ContentType = a.ContentType, SizeBytes = a.SizeBytes, Sha256 = a.Sha256 })
            .ToListAsync(ct);
        var others = contact.DuplicateFlags.Select(d => d.OtherContactId).ToList();
        var references = others.Count == 0 ? new Dictionary<Guid, string>()
            : await db.Contacts.AsNoTracking().Where(c => others.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Reference, ct);
        return ContactMapping.ToDetail(contact, attachments, references);
    }
}
