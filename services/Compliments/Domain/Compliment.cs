using ComplaintsPlatform.Compliments.V1;
using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Intake.V1;

namespace ComplaintsPlatform.Compliments.Domain;

/// <summary>
/// One compliment from a member of the public. The rules that say no live here: praise between
/// staff is not a compliment; quoting needs consent and anonymised words; only a compliment that
/// came from an Intake contact can go back to triage.
/// </summary>
public sealed class Compliment
{
    private Compliment()
    {
    }

    public Guid Id { get; private set; }

    public ComplimentSource Source { get; private set; }

    public string? ContactId { get; private set; }

    public string? ContactReference { get; private set; }

    /// <summary>Intake's id for the person; their details stay in Intake.</summary>
    public string? PersonId { get; private set; }

    public string ServiceAreaId { get; private set; } = "";

    public string? TeamId { get; private set; }

    public string? OfficerId { get; private set; }

    public Channel Channel { get; private set; }

    public Giver Giver { get; private set; }

    public DateOnly ReceivedOn { get; private set; }

    public string? Words { get; private set; }

    public bool ConsentToQuote { get; private set; }

    public string? QuotableText { get; private set; }

    public string? ConsentChangedBy { get; private set; }

    public DateTimeOffset? ConsentChangedAt { get; private set; }

    public ComplimentStatus Status { get; private set; }

    public RetriageReason? SentBackReason { get; private set; }

    public string? SentBackBy { get; private set; }

    public DateTimeOffset? SentBackAt { get; private set; }

    public string RecordedBy { get; private set; } = "";

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>From a council's history: the compliments import, or an imported contact triaged as a compliment.</summary>
    public bool Imported { get; private set; }

    /// <summary>The compliments import's source id (unique), file and line, and a hash of the row.</summary>
    public string? ImportSourceId { get; private set; }

    public string? ImportSourceFile { get; private set; }

    public int? ImportLine { get; private set; }

    public byte[]? ImportFingerprint { get; private set; }

    /// <summary>When retention (or an approved erasure) removed the words; ids, codes and dates stay.</summary>
    public DateTimeOffset? AnonymisedAt { get; private set; }

    public static Compliment RecordByStaff(
        string serviceAreaId, string teamId, string? officerId, Channel channel, DateOnly receivedOn,
        string words, Giver giver, string recordedBy, DateTimeOffset recordedAt)
    {
        EnsureFromThePublic(giver);
        return new Compliment
        {
            Id = Guid.CreateVersion7(recordedAt),
            Source = ComplimentSource.RecordedByStaff,
            ServiceAreaId = serviceAreaId,
            TeamId = teamId,
            OfficerId = officerId,
            Channel = channel,
            Giver = giver,
            ReceivedOn = receivedOn,
            Words = words,
            Status = ComplimentStatus.Recorded,
            RecordedBy = recordedBy,
            RecordedAt = recordedAt,
        };
    }

    /// <summary>A compliment from the council's history, as its old system recorded it.</summary>
    public static Compliment Import(
        ImportedCompliment row, string sourceFile, string importedBy, DateTimeOffset importedAt)
    {
        EnsureFromThePublic(row.Giver);
        var compliment = new Compliment
        {
            Id = Guid.CreateVersion7(importedAt),
            Source = ComplimentSource.RecordedByStaff,
            ServiceAreaId = row.ServiceAreaId,
            TeamId = row.TeamId,
            OfficerId = row.OfficerId,
            Channel = row.Channel,
            Giver = row.Giver,
            ReceivedOn = row.ReceivedOn,
            Words = row.Words,
            Status = ComplimentStatus.Recorded,
            RecordedBy = "import:" + importedBy,
            RecordedAt = importedAt,
            Imported = true,
            ImportSourceId = row.SourceId,
            ImportSourceFile = sourceFile,
            ImportLine = row.Line,
            ImportFingerprint = row.Fingerprint,
        };
        if (row.ConsentToQuote)
        {
            compliment.SetQuoteConsent(true, row.QuotableText, compliment.RecordedBy, importedAt);
        }
        return compliment;
    }

    /// <summary>Intake's triage already decided it is a compliment from the public; the words stay in Intake until staff add them.</summary>
    public static Compliment FromTriage(
        string contactId, string? contactReference, string? personId, string serviceAreaId, Channel channel,
        DateOnly receivedOn, string recordedBy, DateTimeOffset recordedAt, bool imported = false) => new()
    {
        Imported = imported,
        Id = Guid.CreateVersion7(recordedAt),
        Source = ComplimentSource.IntakeTriage,
        ContactId = contactId,
        ContactReference = contactReference,
        PersonId = personId,
        ServiceAreaId = serviceAreaId,
        Channel = channel,
        // A councillor or MP passing on praise does so on a member of the public's behalf.
        Giver = channel is Channel.Councillor or Channel.Mp ? Giver.OnBehalfOfMemberOfPublic : Giver.MemberOfPublic,
        ReceivedOn = receivedOn,
        Status = ComplimentStatus.Recorded,
        RecordedBy = recordedBy,
        RecordedAt = recordedAt,
    };

    public static void EnsureFromThePublic(Giver giver)
    {
        if (giver == Giver.CouncilStaff)
        {
            throw new RuleViolationException(
                "Only compliments from members of the public (or someone on their behalf) are logged; " +
                "praise from one member of staff to another is not recorded as a compliment.");
        }
    }

    public void Amend(string? words, string? serviceAreaId, string? teamId, string? officerId)
    {
        EnsureStillRecorded("amended");
        Words = words ?? Words;
        if (serviceAreaId is not null && serviceAreaId != ServiceAreaId)
        {
            ServiceAreaId = serviceAreaId;
            // A team belongs to one service area: a move without a new team leaves none.
            TeamId = null;
        }
        TeamId = teamId ?? TeamId;
        OfficerId = officerId ?? OfficerId;
    }

    public void SetQuoteConsent(bool consent, string? quotableText, string by, DateTimeOffset at)
    {
        EnsureStillRecorded("quoted");
        QuotableTextRules.Validate(consent, quotableText).ThrowIfInvalid();
        ConsentToQuote = consent;
        // Withdrawn consent takes the quotable text with it, so nothing unpublishable lingers.
        QuotableText = consent ? quotableText!.Trim() : null;
        ConsentChangedBy = by;
        ConsentChangedAt = at;
    }

    public void SendBackToTriage(RetriageReason reason, string by, DateTimeOffset at)
    {
        EnsureStillRecorded("sent back to triage");
        if (ContactId is null)
        {
            throw new RuleViolationException(
                "This compliment was recorded directly by staff, not from an Intake contact, so there is no triage to send it back to: " +
                "log it with Intake as a complaint or service request instead.");
        }
        Status = ComplimentStatus.SentBackToTriage;
        SentBackReason = reason;
        SentBackBy = by;
        SentBackAt = at;
        ConsentToQuote = false;
        QuotableText = null;
    }

    /// <summary>The person's words go, and with them any consent to quote them; what Reporting counts stays.</summary>
    public void Anonymise(DateTimeOffset at)
    {
        Words = null;
        QuotableText = null;
        ConsentToQuote = false;
        ImportFingerprint = null;
        AnonymisedAt = at;
    }

    private void EnsureStillRecorded(string action)
    {
        if (Status == ComplimentStatus.SentBackToTriage)
        {
            throw new RuleViolationException($"This compliment was sent back to triage as not a compliment, so it cannot be {action}.");
        }
    }
}
