using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ComplaintsPlatform.Intake.Data;
using ComplaintsPlatform.Intake.V1;

namespace ComplaintsPlatform.Intake.Correspondence;

/// <summary>
/// Decides who a message goes to and how, from the person's preference and adjustments, and queues
/// it in the caller's unit of work; the dispatcher renders and delivers it after commit.
/// </summary>
public static class CorrespondenceDesk
{
    /// <summary>
    /// The adjustments in force on the person's register (5.6): with those asked for on the contact, they decide
    /// how every later letter is sent (a large-print adjustment agreed after the complaint arrived applies too).
    /// </summary>
    public static async Task<IReadOnlyCollection<Adjustment>> RegisteredAdjustmentsAsync(IntakeDbContext db, Guid personId, CancellationToken ct) =>
        (await db.Adjustments.AsNoTracking().Where(a => a.PersonId == personId && a.EndedOn == null).Select(a => a.Category).ToListAsync(ct))
            .Select(a => (Adjustment)a).ToHashSet();

    public static CorrespondenceMessage ForContact(Contact c, string template, IReadOnlyDictionary<string, string> facts,
        string requestId, string? caseId, DateOnly? deadline, DateTime now, IReadOnlyCollection<Adjustment>? registered = null)
    {
        var adjustments = c.Adjustments.Select(a => (Adjustment)a).Concat(registered ?? []).ToHashSet();
        // Via the representative when the person asked for it, or consented to them handling everything.
        var viaRepresentative = c.HasRepresentative
            && (adjustments.Contains(Adjustment.ViaRepresentative) || c.RepresentativeConsentScope == (int)ConsentScope.Full);
        var (name, email, lines, town, postcode) = viaRepresentative
            ? (c.RepresentativeName!, c.RepresentativeEmail, c.RepresentativeAddressLines, c.RepresentativeTown, c.RepresentativePostcode)
            : (c.Name, c.Email, c.AddressLines, c.Town, c.Postcode);
        var hasPostal = lines.Length > 0 && !string.IsNullOrEmpty(postcode);
        var hasEmail = !string.IsNullOrEmpty(email);
        var preferred = (ContactMethod)c.PreferredContactMethod;
        var channel = preferred switch
        {
            ContactMethod.Email when hasEmail => DeliveryChannel.Email,
            ContactMethod.Letter when hasPostal => DeliveryChannel.Letter,
            _ when hasEmail => DeliveryChannel.Email,
            _ when hasPostal => DeliveryChannel.Letter,
            _ => null,
        };
        // Large print and braille readers get letters they can read; an email is already resizable.
        string[] address = channel == DeliveryChannel.Email ? [email!]
            : [.. lines, .. new[] { town, postcode }.Where(s => !string.IsNullOrEmpty(s))!];
        return new CorrespondenceMessage
        {
            Id = Guid.CreateVersion7(),
            RequestId = requestId,
            ContactId = c.Id,
            CaseId = caseId,
            TemplateCode = template,
            FactsJson = JsonSerializer.Serialize(facts),
            DeliveredBy = channel ?? DeliveryChannel.Letter,
            Status = channel is null ? CorrespondenceStatus.NoRoute : CorrespondenceStatus.Pending,
            RecipientKind = viaRepresentative ? RecipientKinds.Representative : RecipientKinds.Person,
            RecipientName = name,
            RecipientAddress = channel is null ? [] : address,
            Reference = c.Reference,
            LargePrint = adjustments.Contains(Adjustment.LargePrint),
            RequestedAt = now,
            NextAttemptAt = now,
            Deadline = deadline,
        };
    }

    public static CorrespondenceMessage ForStaff(string email, IReadOnlyDictionary<string, string> facts, string requestId,
        string? caseId, string? reference, DateOnly? deadline, DateTime now) =>
        ForStaff([email], facts, requestId, caseId, reference, deadline, now);

    public static CorrespondenceMessage ForStaff(string[] emails, IReadOnlyDictionary<string, string> facts, string requestId,
        string? caseId, string? reference, DateOnly? deadline, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        RequestId = requestId,
        CaseId = caseId,
        TemplateCode = Templates.StaffNotification,
        FactsJson = JsonSerializer.Serialize(facts),
        DeliveredBy = DeliveryChannel.Email,
        Status = CorrespondenceStatus.Pending,
        RecipientKind = RecipientKinds.Staff,
        RecipientName = "Colleague",
        RecipientAddress = emails,
        Reference = reference,
        RequestedAt = now,
        NextAttemptAt = now,
        Deadline = deadline,
    };
}
