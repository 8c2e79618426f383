using ComplaintsPlatform.CaseWorkflow.V1;

namespace ComplaintsPlatform.CaseWorkflow.Domain.Cases;

/// <summary>What the statutory procedures record beyond the Code's stages. Only Case changes it.</summary>
public sealed class StatutoryRecord
{
    // Adult social care (2009 regulations).
    public bool DiscussionOffered { get; internal set; }
    public bool DiscussionAccepted { get; internal set; }
    public List<AgreedPeriodRecord> AgreedPeriods { get; internal set; } = [];
    public List<BackstopExtensionRecord> BackstopExtensions { get; internal set; } = [];
    public List<DelayNoticeRecord> DelayNotices { get; internal set; } = [];
    public string DelayReasons { get; internal set; } = "";

    // Children's social care (2006 regulations).
    public Eligibility Eligibility { get; internal set; }
    public DateOnly? EligibilityRecordedOn { get; internal set; }
    public bool AdvocateOffered { get; internal set; }
    public bool AdvocateAccepted { get; internal set; }
    public DateOnly? AdvocateOfferedOn { get; internal set; }
    public string IndependentPersonId { get; internal set; } = "";
    public string AgreedRecord { get; internal set; } = "";
    public DateOnly? AgreedRecordOn { get; internal set; }
    public List<string> PanelMemberIds { get; internal set; } = [];
    public DateOnly? PanelAppointedOn { get; internal set; }
    public DateOnly? PanelMetOn { get; internal set; }
    public DateOnly? PanelReportOn { get; internal set; }

    // Any stream.
    public DateOnly? SafeguardingRaisedOn { get; internal set; }
}

public sealed record AgreedPeriodRecord(DateOnly AgreedOn, DateOnly Due, string RecordedBy);

public sealed record BackstopExtensionRecord(DateOnly AgreedOn, DateOnly PreviousDue, DateOnly NewDue, string RecordedBy);

public sealed record DelayNoticeRecord(ClockKind Kind, DateOnly MissedDue, DateOnly RequestedOn);
