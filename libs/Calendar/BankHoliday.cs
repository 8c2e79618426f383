namespace ComplaintsPlatform.Calendar;

/// <summary>One event of the gov.uk feed.</summary>
public sealed record BankHoliday(DateOnly Date, string Title, string Notes, bool Bunting)
{
    public bool IsSubstitute => Notes.Contains("substitute", StringComparison.OrdinalIgnoreCase);
}
