using ComplaintsPlatform.Intake.Data;
using ComplaintsPlatform.Intake.Domain;
using Microsoft.Extensions.Options;

namespace ComplaintsPlatform.Intake.Correspondence;

/// <summary>
/// The link in a receipt email by which the person follows their contact. It carries their status
/// token, so it is built as the email is sent and kept nowhere: not in the message's facts, not in
/// the stored copy of the email (which shows the link with the token withheld), not in logs.
/// </summary>
internal sealed class StatusLinks(IOptions<IntakeOptions> options, StatusTokens tokens)
{
    public const string Fact = "status_link";
    public const string WithheldToken = "WITHHELD";

    /// <summary>The link as sent and as kept, or null when the message is not a receipt email to the public.</summary>
    public (string Sent, string Kept)? For(CorrespondenceMessage m) =>
        m is { TemplateCode: Templates.Receipt, DeliveredBy: DeliveryChannel.Email, ContactId: { } contactId, Reference: { } reference }
            && m.RecipientKind != RecipientKinds.Staff
            ? (Link(reference, tokens.For(contactId)), Link(reference, WithheldToken))
            : null;

    private string Link(string reference, string token) =>
        $"{options.Value.PublicBaseUrl.TrimEnd('/')}/status/open?reference={Uri.EscapeDataString(reference)}&token={Uri.EscapeDataString(token)}";
}
