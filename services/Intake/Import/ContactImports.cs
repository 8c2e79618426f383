using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Intake.Data;
using ComplaintsPlatform.Intake.Grpc;
using ComplaintsPlatform.Intake.V1;

namespace ComplaintsPlatform.Intake.Import;

/// <summary>A historic contact as a record and as the same two events a live one gives, marked imported.</summary>
internal static class ContactImports
{
    public static Contact NewContact(ContactRow row, Guid contactId, Guid personId, string reference, string sourceFile,
        string importedBy, DateTimeOffset now)
    {
        var received = row.Request.ReceivedAt.ToDateTimeOffset();
        var contact = ContactMapping.NewContact(row.Request, personId, received, row.ReceivedOn, now, importedBy, row.Fingerprint);
        contact.Id = contactId;
        contact.Reference = reference;
        contact.ImportSourceId = row.SourceId;
        contact.ImportSourceFile = sourceFile;
        contact.ImportLine = row.Line;
        contact.MemberEnquiry = row.MemberEnquiry;
        var triagedAt = row.TriagedAt.UtcDateTime;
        contact.Decision = (int)row.Effective;
        contact.Stream = row.Effective == TriageDecision.Complaint ? (int)row.Decision.Stream : 0;
        contact.TriagedAt = triagedAt;
        contact.UpdatedAt = triagedAt;
        contact.TriageEntries.Add(new TriageEntry
        {
            Id = Guid.CreateVersion7(),
            Decision = (int)row.Effective,
            Stream = contact.Stream,
            ReasonCode = Blank(row.Decision.ReasonCode),
            Notes = Blank(row.Decision.Notes),
            OutOfTimeAccepted = row.Decision.OutOfTimeAccepted,
            ServiceAreaId = Blank(row.Decision.ServiceAreaId),
            DecidedAt = triagedAt,
            DecidedBy = DecidedBy(importedBy),
        });
        return contact;
    }

    public static ContactReceived Received(Contact c) => new()
    {
        ContactId = c.Id.ToString(),
        Reference = c.Reference,
        Kind = (ContactKind)c.Kind,
        Channel = (Channel)c.Channel,
        ReceivedAt = ContactMapping.Ts(c.ReceivedAt),
        ServiceAreaId = c.ServiceAreaId ?? "",
        HasRepresentative = c.HasRepresentative,
        Imported = true,
    };

    public static ContactTriaged Triaged(Contact c, ContactRow row) => new()
    {
        ContactId = c.Id.ToString(),
        Reference = c.Reference,
        PersonId = c.PersonId.ToString(),
        Decision = row.Effective,
        Stream = row.Effective == TriageDecision.Complaint ? row.Decision.Stream : ComplaintStream.Unspecified,
        ServiceAreaId = c.ServiceAreaId ?? "",
        Kind = (ContactKind)c.Kind,
        Channel = (Channel)c.Channel,
        ReceivedAt = ContactMapping.Ts(c.ReceivedAt),
        TriagedAt = ContactMapping.Ts(c.TriagedAt!.Value),
        ReasonCode = row.Decision.ReasonCode,
        OutOfTimeAccepted = row.Decision.OutOfTimeAccepted,
        MemberEnquiry = c.MemberEnquiry,
        TriagedBy = DecidedBy(c.RecordedBy ?? ""),
        Imported = true,
    };

    // The officer who decided is not known from history: the record says who brought it in.
    private static string DecidedBy(string importedBy) => "import:" + importedBy;

    private static string? Blank(string s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
