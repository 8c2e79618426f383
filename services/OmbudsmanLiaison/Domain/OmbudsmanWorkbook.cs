using System.Globalization;
using System.Text;
using ComplaintsPlatform.Hosting.Errors;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ComplaintsPlatform.OmbudsmanLiaison.Domain;

/// <summary>
/// One of the Ombudsman's case-by-case spreadsheets as the .xlsx it sends: its first worksheet read
/// as CSV text for <see cref="OmbudsmanFile"/>, one line per spreadsheet row, so a refusal names the
/// row the officer sees in the spreadsheet. A cell formatted as a date becomes YYYY-MM-DD.
/// </summary>
public static class OmbudsmanWorkbook
{
    // The built-in number formats Excel shows as dates (ECMA-376 part 1, 18.8.30).
    private static readonly HashSet<uint> s_builtInDateFormats = [14, 15, 16, 17, 22, 27, 30, 36, 50, 57];

    public static string ToCsv(byte[] xlsx, string field)
    {
        try
        {
            using var stream = new MemoryStream(xlsx, writable: false);
            using var document = SpreadsheetDocument.Open(stream, false);
            var workbook = document.WorkbookPart ?? throw NotAWorkbook(field);
            var firstSheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw NotAWorkbook(field);
            var worksheet = (WorksheetPart)workbook.GetPartById(firstSheet.Id!.Value!);
            var strings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
            var dateStyles = DateStyles(workbook.WorkbookStylesPart?.Stylesheet);

            var text = new StringBuilder();
            var line = 0;
            foreach (var row in worksheet.Worksheet.Descendants<Row>())
            {
                var index = (int)(row.RowIndex?.Value ?? (uint)(line + 1));
                // Blank lines for rows the file leaves out keep line numbers equal to row numbers (the reader skips them).
                while (line < index - 1)
                {
                    text.Append('\n');
                    line++;
                }
                var cells = new List<string>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = ColumnIndex(cell.CellReference?.Value, cells.Count);
                    while (cells.Count < column)
                    {
                        cells.Add("");
                    }
                    cells.Add(Value(cell, strings, dateStyles));
                }
                text.Append(string.Join(',', cells.Select(Quote))).Append('\n');
                line++;
            }
            return text.ToString();
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or InvalidOperationException or ArgumentException)
        {
            throw NotAWorkbook(field);
        }
    }

    private static string Value(Cell cell, string[] strings, HashSet<uint> dateStyles)
    {
        var raw = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < strings.Length ? Flat(strings[i]) : "";
        }
        if (type == CellValues.InlineString)
        {
            return Flat(cell.InlineString?.InnerText ?? "");
        }
        if (type == CellValues.Date)
        {
            return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso) ? iso.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : raw;
        }
        if ((type is null || type == CellValues.Number) && cell.StyleIndex?.Value is { } style && dateStyles.Contains(style)
            && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 0 and < 2_958_466)
        {
            return DateOnly.FromDateTime(DateTime.FromOADate(serial)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        return Flat(raw);
    }

    /// <summary>The cell formats (by index) whose number format shows a date.</summary>
    private static HashSet<uint> DateStyles(Stylesheet? stylesheet)
    {
        var result = new HashSet<uint>();
        if (stylesheet?.CellFormats is null)
        {
            return result;
        }
        var custom = stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode?.Value ?? "") ?? [];
        uint index = 0;
        foreach (var format in stylesheet.CellFormats.Elements<CellFormat>())
        {
            var id = format.NumberFormatId?.Value ?? 0;
            if (s_builtInDateFormats.Contains(id) || (custom.TryGetValue(id, out var code) && LooksLikeDate(code)))
            {
                result.Add(index);
            }
            index++;
        }
        return result;
    }

    private static bool LooksLikeDate(string code)
    {
        // Quoted text and [colour] sections are not part of the pattern.
        var bare = System.Text.RegularExpressions.Regex.Replace(code, "\"[^\"]*\"|\\[[^\\]]*\\]", "");
        return bare.Contains('d', StringComparison.OrdinalIgnoreCase) && bare.Contains('y', StringComparison.OrdinalIgnoreCase);
    }

    private static int ColumnIndex(string? reference, int next)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return next;
        }
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter))
        {
            index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        }
        return index - 1;
    }

    private static string Flat(string value) => value.Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' ');

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;

    private static ValidationException NotAWorkbook(string field) =>
        new([new FieldViolation(field, "is not an .xlsx workbook with a worksheet")]);
}
