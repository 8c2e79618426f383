using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ComplaintsPlatform.EndToEnd.Tests;

/// <summary>
/// A spreadsheet as the Ombudsman sends it, built with OpenXml: one worksheet, text cells in the shared
/// string table, dates as spreadsheet date numbers in a date format (DateOnly values).
/// </summary>
public static class Workbook
{
    public static byte[] Build(params object[][] rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font()), new Fills(new Fill()), new Borders(new Border()),
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable();
            var sheetData = new SheetData();
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    var reference = $"{(char)('A' + c)}{r + 1}";
                    row.Append(rows[r][c] switch
                    {
                        DateOnly d => new Cell
                        {
                            CellReference = reference, StyleIndex = 1,
                            CellValue = new CellValue(d.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(System.Globalization.CultureInfo.InvariantCulture)),
                        },
                        var text => new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(Shared(strings, text.ToString()!)) },
                    });
                }
                sheetData.Append(row);
            }
            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new Worksheet(sheetData);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Cases" }));
        }
        return stream.ToArray();
    }

    private static string Shared(SharedStringTablePart part, string text)
    {
        part.SharedStringTable.AppendChild(new SharedStringItem(new Text(text)));
        return (part.SharedStringTable.Elements<SharedStringItem>().Count() - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
