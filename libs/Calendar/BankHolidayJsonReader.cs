using System.Globalization;
using System.Text.Json;

namespace ComplaintsPlatform.Calendar;

/// <summary>Parses the gov.uk format strictly: a malformed refresh must fail loudly, not shorten deadlines.</summary>
internal static class BankHolidayJsonReader
{
    public static BankHolidayData Read(Stream json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new BankHolidayDataException($"Bank-holiday data is not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new BankHolidayDataException("Bank-holiday data must be a JSON object keyed by division.");

            var events = new Dictionary<Division, IReadOnlyList<BankHoliday>>();
            var from = DateOnly.MinValue;
            var to = DateOnly.MaxValue;
            foreach (var division in DivisionKeys.All)
            {
                var key = division.ToGovUkKey();
                if (!document.RootElement.TryGetProperty(key, out var element) || element.ValueKind != JsonValueKind.Object)
                    throw new BankHolidayDataException($"Division \"{key}\" is missing.");
                if (!element.TryGetProperty("division", out var name) || name.ValueKind != JsonValueKind.String || name.GetString() != key)
                    throw new BankHolidayDataException($"Division \"{key}\" must have \"division\": \"{key}\".");
                if (!element.TryGetProperty("events", out var list) || list.ValueKind != JsonValueKind.Array)
                    throw new BankHolidayDataException($"Division \"{key}\" has no \"events\" array.");

                var parsed = ReadEvents(key, list);
                var (first, last) = CompleteYears(key, parsed);
                from = first > from ? first : from;
                to = last < to ? last : to;
                events[division] = parsed;
            }

            if (from > to)
                throw new BankHolidayDataException("The divisions share no complete year of data.");
            return new BankHolidayData(events, from, to);
        }
    }

    private static List<BankHoliday> ReadEvents(string key, JsonElement list)
    {
        var result = new List<BankHoliday>(list.GetArrayLength());
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var where = $"{key} event {index}";
            if (item.ValueKind != JsonValueKind.Object)
                throw new BankHolidayDataException($"{where} is not an object.");
            var title = RequiredString(item, "title", where);
            var dateText = RequiredString(item, "date", where);
            var notes = RequiredString(item, "notes", where);
            if (!item.TryGetProperty("bunting", out var bunting) || bunting.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                throw new BankHolidayDataException($"{where} (\"{title}\") needs a true/false \"bunting\".");
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                throw new BankHolidayDataException($"{where} (\"{title}\") has date \"{dateText}\", which is not an ISO yyyy-MM-dd date.");
            if (result.Count > 0 && date == result[^1].Date)
                throw new BankHolidayDataException($"{key} lists {dateText} twice (\"{result[^1].Title}\" and \"{title}\").");
            if (result.Count > 0 && date < result[^1].Date)
                throw new BankHolidayDataException($"{key} events are not sorted: {dateText} comes after {result[^1].Date:yyyy-MM-dd}.");
            result.Add(new BankHoliday(date, title, notes, bunting.GetBoolean()));
            index++;
        }
        if (result.Count == 0)
            throw new BankHolidayDataException($"Division \"{key}\" has no events.");
        return result;
    }

    private static string RequiredString(JsonElement item, string property, string where) =>
        item.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new BankHolidayDataException($"{where} needs a string \"{property}\".");

    // Every division has a holiday in January and in December each year, so a year showing both
    // is complete; a year without them at either end of the list is treated as not covered.
    private static (DateOnly From, DateOnly To) CompleteYears(string key, List<BankHoliday> events)
    {
        var complete = events.GroupBy(e => e.Date.Year)
            .Where(g => g.Any(e => e.Date.Month == 1) && g.Any(e => e.Date.Month == 12))
            .Select(g => g.Key)
            .ToHashSet();
        if (complete.Count == 0)
            throw new BankHolidayDataException($"Division \"{key}\" has no complete year (one with both January and December holidays).");
        int first = complete.Min(), last = complete.Max();
        for (var year = first; year <= last; year++)
        {
            if (!complete.Contains(year))
                throw new BankHolidayDataException($"Division \"{key}\" has a gap: {year} lacks its January or December holidays.");
        }
        return (new DateOnly(first, 1, 1), new DateOnly(last, 12, 31));
    }
}
