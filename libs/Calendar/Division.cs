namespace ComplaintsPlatform.Calendar;

/// <summary>The UK bank-holiday divisions, as keyed in the gov.uk feed.</summary>
public enum Division
{
    EnglandAndWales,
    Scotland,
    NorthernIreland,
}

public static class DivisionKeys
{
    public static readonly IReadOnlyList<Division> All = [Division.EnglandAndWales, Division.Scotland, Division.NorthernIreland];

    public static string ToGovUkKey(this Division division) => division switch
    {
        Division.EnglandAndWales => "england-and-wales",
        Division.Scotland => "scotland",
        Division.NorthernIreland => "northern-ireland",
        _ => throw new ArgumentOutOfRangeException(nameof(division), division, "Unknown division."),
    };
}
