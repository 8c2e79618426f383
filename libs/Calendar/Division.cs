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

    /// <summary>The division of a gov.uk key (england-and-wales, scotland, northern-ireland).</summary>
    public static Division FromGovUkKey(string key) => key switch
    {
        "england-and-wales" => Division.EnglandAndWales,
        "scotland" => Division.Scotland,
        "northern-ireland" => Division.NorthernIreland,
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Not a division: england-and-wales, scotland or northern-ireland."),
    };
}
