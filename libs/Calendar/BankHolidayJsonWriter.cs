using System.Text.Encodings.Web;
using System.Text.Json;

namespace ComplaintsPlatform.Calendar;

/// <summary>Writes the gov.uk format, one property per line so refreshes diff readably in git.</summary>
internal static class BankHolidayJsonWriter
{
    // Relaxed escaping keeps the feed's typographic apostrophes (New Year’s Day) as they are.
    private static readonly JsonWriterOptions _options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(Stream stream, Func<Division, IReadOnlyList<BankHoliday>> events)
    {
        using var writer = new Utf8JsonWriter(stream, _options);
        writer.WriteStartObject();
        foreach (var division in DivisionKeys.All)
        {
            writer.WriteStartObject(division.ToGovUkKey());
            writer.WriteString("division", division.ToGovUkKey());
            writer.WriteStartArray("events");
            foreach (var e in events(division))
            {
                writer.WriteStartObject();
                writer.WriteString("title", e.Title);
                writer.WriteString("date", e.Date.ToString("yyyy-MM-dd"));
                writer.WriteString("notes", e.Notes);
                writer.WriteBoolean("bunting", e.Bunting);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
        writer.Flush();
        stream.WriteByte((byte)'\n');
    }

    /// <summary>Writes then re-reads, so anything built in code passes the same validation as a file.</summary>
    public static BankHolidayData Build(Func<Division, IReadOnlyList<BankHoliday>> events)
    {
        using var buffer = new MemoryStream();
        Write(buffer, events);
        buffer.Position = 0;
        return BankHolidayJsonReader.Read(buffer);
    }
}
