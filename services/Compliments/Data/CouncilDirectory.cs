using ComplaintsPlatform.Calendar;
namespace ComplaintsPlatform.Compliments.Data;

// CaseWorkflow's organisation as this service needs it: which ids exist, and which directorate a
// service area is in (for service leads). Kept from its CouncilConfigurationChanged events; ids that
// disappear stay as not current, so old compliments still find their directorate.

public sealed class KnownServiceArea
{
    public string Id { get; set; } = "";

    public string DirectorateId { get; set; } = "";

    public bool Current { get; set; }
}

public sealed class KnownTeam
{
    public string Id { get; set; } = "";

    public string ServiceAreaId { get; set; } = "";

    public bool Current { get; set; }
}

public sealed class KnownOfficer
{
    public string Id { get; set; } = "";

    public bool Current { get; set; }
}

/// <summary>One row: the configuration version applied, and the council's time zone for "today".</summary>
public sealed class KnownCouncil
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public int ConfigurationVersion { get; set; }

    public string TimeZone { get; set; } = CouncilCalendarSettings.DefaultTimeZoneId;

    /// <summary>Compliments keep dates only, so the council's zone is all of its calendar this service needs.</summary>
    public CouncilCalendarSettings CalendarSettings() => CouncilCalendarSettings.Default with { TimeZoneId = TimeZone };
}
