using ComplaintsPlatform.CaseWorkflow.Domain.Cases;

namespace ComplaintsPlatform.CaseWorkflow.Data;

/// <summary>
/// A case: the aggregate as a jsonb document, plus the columns the work queues filter and sort on
/// (kept in step with the document on every save) and a revision for optimistic concurrency.
/// </summary>
public sealed class CaseRecord
{
    public Guid Id { get; set; }
    public string Reference { get; set; } = "";
    public string? ContactId { get; set; }
    public int Stream { get; set; }
    public int Status { get; set; }
    public int CurrentStage { get; set; }
    public string DirectorateId { get; set; } = "";
    public string ServiceAreaId { get; set; } = "";
    public string TeamId { get; set; } = "";
    public string HandlerId { get; set; } = "";
    public DateOnly ReceivedOn { get; set; }
    public DateOnly? NextDeadline { get; set; }
    public bool HasOpenDeadlines { get; set; }
    public int OutstandingRemedies { get; set; }
    public bool SafeguardingConcern { get; set; }

    /// <summary>An Ombudsman enquiry names the case: what a link officer may read.</summary>
    public bool BehindOmbudsmanMatter { get; set; }

    /// <summary>The first day the deadline watcher owes this case a reminder (indexed; null when none is owed).</summary>
    public DateOnly? NextReminderOn { get; set; }

    /// <summary>Intake's person id, the day the case closed (while closed) and when its words were removed: for retention and legal holds.</summary>
    public string? PersonId { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public DateTimeOffset? AnonymisedAt { get; set; }
    public string Document { get; set; } = "";

    /// <summary>Every stored change: the row's concurrency token.</summary>
    public int Revision { get; set; }

    /// <summary>
    /// The revision staff see and send back with a change (a different one is stale): every stored
    /// change but the deadline watcher's reminders, which change nothing a form is about.
    /// </summary>
    public int VisibleRevision { get; set; }

    public Case Load() => CaseDocument.Read(Document);

    /// <summary>Stores <paramref name="c"/>; <paramref name="visible"/> false for a change no member of staff needs to re-check before theirs.</summary>
    public void Store(Case c, bool visible = true)
    {
        Id = c.Id;
        Reference = c.Reference;
        ContactId = c.ContactId.Length == 0 ? null : c.ContactId;
        Stream = (int)c.Stream;
        Status = (int)c.Status;
        CurrentStage = c.CurrentStage;
        DirectorateId = c.DirectorateId;
        ServiceAreaId = c.ServiceAreaId;
        TeamId = c.TeamId;
        HandlerId = c.HandlerId;
        ReceivedOn = c.ReceivedOn;
        NextDeadline = c.NextDeadline;
        HasOpenDeadlines = c.HasOpenDeadlines;
        OutstandingRemedies = c.Remedies.Count(r => r.CompletedOn is null);
        SafeguardingConcern = c.SafeguardingConcern;
        BehindOmbudsmanMatter = c.BehindOmbudsmanMatter;
        NextReminderOn = c.NextReminderOn;
        PersonId = c.PersonId.Length == 0 ? null : c.PersonId;
        ClosedOn = c.Status == V1.CaseStatus.Closed ? c.ClosedOn : null;
        AnonymisedAt = c.AnonymisedAt;
        Document = CaseDocument.Write(c);
        Revision++;
        if (visible)
        {
            VisibleRevision++;
        }
    }
}

/// <summary>One staff read or change of a case: who, what, when, in which role, and whether it was allowed.</summary>
public sealed class CaseAuditRecord
{
    public long Id { get; set; }
    public Guid CaseId { get; set; }
    public DateTimeOffset At { get; set; }
    public string OfficerId { get; set; } = "";
    public string Role { get; set; } = "";
    public string Action { get; set; } = "";
    public bool Allowed { get; set; }
}

/// <summary>The words of a letter CaseWorkflow asked Intake to send; the feed carries only the request id.</summary>
public sealed class CorrespondenceRecord
{
    public Guid RequestId { get; set; }
    public Guid CaseId { get; set; }
    public string TemplateCode { get; set; } = "";
    public string Texts { get; set; } = "{}";
    public DateTimeOffset RecordedAt { get; set; }
    public DateTimeOffset? AnonymisedAt { get; set; }
}

/// <summary>
/// What Intake's triage said about a contact (ids, codes, dates): kept so a contact later upgraded to
/// a complaint can open its case from when it was received.
/// </summary>
public sealed class TriagedContactRecord
{
    public string ContactId { get; set; } = "";
    public string Reference { get; set; } = "";
    public string PersonId { get; set; } = "";
    public int Decision { get; set; }
    public int Stream { get; set; }
    public string ServiceAreaId { get; set; } = "";
    public DateTimeOffset ReceivedAt { get; set; }
    public string TriagedBy { get; set; } = "";
}
