using ComplaintsPlatform.OmbudsmanLiaison.Domain;

namespace ComplaintsPlatform.OmbudsmanLiaison.Import;

/// <summary>Who is importing, when, and the calendar that says what "today" is.</summary>
internal sealed record ImportActor(string Id, DateTimeOffset Now, DateOnly Today, CouncilCalendar.Current Calendar)
{
    public Actor Actor => new(Id, Now);
}
