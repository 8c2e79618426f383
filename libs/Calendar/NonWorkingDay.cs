namespace ComplaintsPlatform.Calendar;

[Flags]
public enum NonWorkingReason : byte
{
    None = 0,
    Weekend = 1,
    BankHoliday = 2,
    ClosureDay = 4,
    StatuteExclusion = 8,
}

/// <summary>A day that does not count, with every reason that applies (a Christmas Day can be several at once).</summary>
public sealed record NonWorkingDay(DateOnly Date, NonWorkingReason Reasons, string Description)
{
    public override string ToString() => $"{Date:ddd yyyy-MM-dd}: {Description}";
}
