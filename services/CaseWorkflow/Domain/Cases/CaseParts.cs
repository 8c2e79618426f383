using ComplaintsPlatform.CaseWorkflow.V1;

namespace ComplaintsPlatform.CaseWorkflow.Domain.Cases;

// The parts of a case. Only Case changes them; the setters are non-public and reached by the
// stored document's serializer (CaseDocument).

public sealed class CaseFactEntry
{
    public int Sequence { get; internal set; }
    public string Kind { get; internal set; } = "";
    public DateOnly OccurredOn { get; internal set; }
    public DateTimeOffset RecordedAt { get; internal set; }
    public string RecordedBy { get; internal set; } = "";
    public string Role { get; internal set; } = "";
    public string Summary { get; internal set; } = "";
}

public sealed class StageRecord
{
    public int Number { get; internal set; }
    public string Name { get; internal set; } = "";
    public DateOnly OpenedOn { get; internal set; }
    public AcknowledgementRecord? Acknowledgement { get; internal set; }
    public List<string> HandlerIds { get; internal set; } = [];
    public List<ExtensionRecord> Extensions { get; internal set; } = [];
    public ResponseRecord? Response { get; internal set; }
    public CaseEnding Ending { get; internal set; }
    public List<ResponseDelayRecord> Delays { get; internal set; } = [];
}

public sealed class AcknowledgementRecord
{
    public string About { get; internal set; } = "";
    public string OutcomeSought { get; internal set; } = "";
    public DateOnly? MatterHappenedOn { get; internal set; }
    public DateOnly AcknowledgedOn { get; internal set; }
    public DateTimeOffset RecordedAt { get; internal set; }
    public string RecordedBy { get; internal set; } = "";
}

public sealed class ExtensionRecord
{
    public int WorkingDays { get; internal set; }
    public string Reason { get; internal set; } = "";
    public DateOnly ExtendedOn { get; internal set; }
    public DateOnly NewDue { get; internal set; }
    public bool NoticeRequested { get; internal set; }
    public NoticeChannel PersonToldBy { get; internal set; }
    public DateOnly? PersonToldOn { get; internal set; }
    public string RecordedBy { get; internal set; } = "";
}

/// <summary>How and when an officer told the person of an extension the platform did not write about.</summary>
public sealed record PersonTold(NoticeChannel By, DateOnly On);

/// <summary>A response deadline that passed: the reason and the date the person can now expect the response.</summary>
public sealed class ResponseDelayRecord
{
    public DateOnly MissedDue { get; internal set; }
    public string Reason { get; internal set; } = "";
    public DateOnly ExpectedOn { get; internal set; }
    public DateOnly RecordedOn { get; internal set; }
    public string RecordedBy { get; internal set; } = "";
    public bool NoticeRequested { get; internal set; }
}

public sealed class ResponseRecord
{
    public Dictionary<string, Finding> Findings { get; internal set; } = [];
    public Finding Overall { get; internal set; }
    public string Text { get; internal set; } = "";
    public DraftState DraftState { get; internal set; }
    public string ReviewComments { get; internal set; } = "";
    public string DraftedBy { get; internal set; } = "";
    public string ReviewedBy { get; internal set; } = "";
    public string SentBy { get; internal set; } = "";
    public DateOnly? SentOn { get; internal set; }
    public bool WithinOriginalDeadline { get; internal set; }
    public bool WithinExtendedDeadline { get; internal set; }
    public int WorkingDaysLate { get; internal set; }
}

public sealed class EscalationRecord
{
    public int ToStage { get; internal set; }
    public DateOnly RequestedOn { get; internal set; }

    /// <summary>The instant of the request, when known; <see cref="CountedFrom"/> is the working day its clocks count from.</summary>
    public DateTimeOffset? RequestedAt { get; internal set; }
    public DateOnly CountedFrom { get; internal set; }
    public string Reasons { get; internal set; } = "";
    public bool WithinWindow { get; internal set; }
    public bool Accepted { get; internal set; }
    public bool Refused { get; internal set; }
    public string RefusalReasonCode { get; internal set; } = "";
    public DateOnly? DecidedOn { get; internal set; }
    public string DecidedBy { get; internal set; } = "";
}

public sealed class IssueRecord
{
    public string Id { get; internal set; } = "";
    public string Summary { get; internal set; } = "";
    public DateOnly DefinedOn { get; internal set; }
    public int Stage { get; internal set; }
    public string DefinedBy { get; internal set; } = "";
}

public sealed class RemedyRecord
{
    public string Id { get; internal set; } = "";
    public string TypeCode { get; internal set; } = "";
    public string Description { get; internal set; } = "";
    public long AmountPence { get; internal set; }
    public string OwnerId { get; internal set; } = "";
    public DateOnly AgreedOn { get; internal set; }
    public DateOnly Due { get; internal set; }
    public DateOnly? CompletedOn { get; internal set; }

    /// <summary>Completed after its due date, or still open after it.</summary>
    public bool IsLate(DateOnly today) => CompletedOn is { } done ? done > Due : today > Due;
}

public sealed class LearningRecord
{
    public string NatureCategory { get; internal set; } = "";
    public string RootCause { get; internal set; } = "";
    public string Lessons { get; internal set; } = "";
    public List<LearningActionRecord> Actions { get; internal set; } = [];
    public DateOnly RecordedOn { get; internal set; }
    public string RecordedBy { get; internal set; } = "";
    public string ReviewedBy { get; internal set; } = "";
    public DateOnly? ReviewedOn { get; internal set; }
    public string ReviewComments { get; internal set; } = "";
}

public sealed record LearningActionRecord(string Description, string OwnerId, DateOnly Due, DateOnly? DoneOn);

/// <summary>A letter Intake is asked to send: template and facts on the feed, the words kept here.</summary>
public sealed record LetterRequest(Guid RequestId, string TemplateCode, IReadOnlyDictionary<string, string> Facts,
    DateOnly? Deadline, IReadOnlyDictionary<string, string> Texts);
