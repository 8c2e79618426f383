// Usage: dotnet run --project tools/CalendarRefresh -- <downloaded bank-holidays.json> [--merge] [--dry-run] [--target <path>]
// Validates the file, lists added/removed dates per division against the current shipped copy,
// then writes it over libs/Calendar/Data/bank-holidays.json (rebuild to embed it).
using ComplaintsPlatform.Calendar;

var source = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
if (source is null)
{
    Console.Error.WriteLine("usage: CalendarRefresh <bank-holidays.json> [--merge] [--dry-run] [--target <path>]");
    return 2;
}
var merge = args.Contains("--merge");
var dryRun = args.Contains("--dry-run");
var targetIndex = Array.IndexOf(args, "--target");
var target = targetIndex >= 0 && targetIndex + 1 < args.Length ? args[targetIndex + 1] : FindShippedFile();

BankHolidayData incoming, current;
try
{
    incoming = BankHolidayData.LoadFile(source);
    current = BankHolidayData.LoadFile(target);
}
catch (BankHolidayDataException ex)
{
    Console.Error.WriteLine($"Refused: {ex.Message}");
    return 1;
}

var result = merge ? incoming.MergedOver(current) : incoming;
Console.WriteLine($"current:  {current.Version}");
Console.WriteLine($"incoming: {incoming.Version}");
Console.WriteLine($"result:   {result.Version}{(merge ? " (merged over current)" : "")}");

var changes = result.ChangesSince(current);
foreach (var change in changes)
    Console.WriteLine($"  {(change.Added ? "+" : "-")} {change.Division,-16} {change.Date:yyyy-MM-dd} {change.Title}");
Console.WriteLine(changes.Count == 0 ? "No date changes." : $"{changes.Count} date change(s).");

// The official feed spans about ten years; replacing outright would drop years open deadlines use.
if (result.CoveredFrom > current.CoveredFrom || result.CoveredTo < current.CoveredTo)
{
    Console.Error.WriteLine($"Refused: the result covers {result.CoveredFrom:yyyy-MM-dd}..{result.CoveredTo:yyyy-MM-dd}, less than the current "
        + $"{current.CoveredFrom:yyyy-MM-dd}..{current.CoveredTo:yyyy-MM-dd}. Use --merge to keep the other years.");
    return 1;
}
if (dryRun)
    return 0;

if (merge)
{
    using var output = File.Create(target);
    result.WriteTo(output);
}
else
{
    File.Copy(source, target, overwrite: true);
}
Console.WriteLine($"Wrote {target}. Rebuild libs/Calendar to embed it; open deadlines need recomputing against {result.Version}.");
return 0;

static string FindShippedFile()
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
    {
        var candidate = Path.Combine(dir.FullName, "libs", "Calendar", "Data", "bank-holidays.json");
        if (File.Exists(candidate))
            return candidate;
    }
    throw new FileNotFoundException("libs/Calendar/Data/bank-holidays.json not found above the current folder; pass --target.");
}
