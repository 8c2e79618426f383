using System.IO.Compression;
using System.Text;

namespace ComplaintsPlatform.Intake.Domain;

/// <summary>
/// The kinds of file a person may attach, told by their content (magic bytes), never by the name
/// or the content type the client claims: PDF, common images, office documents and plain text.
/// </summary>
public static class AttachmentTypes
{
    public const string Allowed = "PDF, an image (PNG, JPEG, GIF, TIFF, WebP, BMP), an office document (Word, Excel, PowerPoint, OpenDocument, RTF) or plain text";

    private static readonly (byte[] Magic, string MediaType)[] s_signatures =
    [
        ("%PDF-"u8.ToArray(), "application/pdf"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "image/png"),
        ([0xFF, 0xD8, 0xFF], "image/jpeg"),
        ("GIF87a"u8.ToArray(), "image/gif"),
        ("GIF89a"u8.ToArray(), "image/gif"),
        ([0x49, 0x49, 0x2A, 0x00], "image/tiff"),
        ([0x4D, 0x4D, 0x00, 0x2A], "image/tiff"),
        ("BM"u8.ToArray(), "image/bmp"),
        // Word 97-2003, Excel 97-2003, PowerPoint 97-2003 (OLE2 compound file).
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "application/vnd.ms-office"),
        (@"{\rtf"u8.ToArray(), "application/rtf"),
    ];

    /// <summary>The media type the content really is, or null when it is not one of the allowed kinds.</summary>
    public static string? Detect(byte[] content)
    {
        if (content.Length == 0)
        {
            return null;
        }
        foreach (var (magic, mediaType) in s_signatures)
        {
            if (content.AsSpan().StartsWith(magic))
            {
                return mediaType == "image/bmp" && content.Length < 26 ? null : mediaType;
            }
        }
        if (content.Length >= 12 && content.AsSpan(0, 4).SequenceEqual("RIFF"u8) && content.AsSpan(8, 4).SequenceEqual("WEBP"u8))
        {
            return "image/webp";
        }
        if (content.AsSpan().StartsWith("PK\u0003\u0004"u8))
        {
            return OfficeZip(content);
        }
        return IsPlainText(content) ? "text/plain" : null;
    }

    // Office Open XML and OpenDocument files are ZIP archives; any other ZIP (or one carrying macros) is not allowed.
    // Only the archive's directory is read, never an entry's content beyond the ODF mimetype, so a zip bomb costs nothing.
    private static string? OfficeZip(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (names.Any(n => n.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)))
            {
                return null;
            }
            if (names.Contains("[Content_Types].xml"))
            {
                return names.Any(n => n.StartsWith("word/", StringComparison.OrdinalIgnoreCase)) ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                    : names.Any(n => n.StartsWith("xl/", StringComparison.OrdinalIgnoreCase)) ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    : names.Any(n => n.StartsWith("ppt/", StringComparison.OrdinalIgnoreCase)) ? "application/vnd.openxmlformats-officedocument.presentationml.presentation"
                    : null;
            }
            if (zip.GetEntry("mimetype") is { Length: > 0 and < 100 } entry)
            {
                using var reader = new StreamReader(entry.Open(), Encoding.ASCII);
                var mimetype = reader.ReadToEnd().Trim();
                return mimetype.StartsWith("application/vnd.oasis.opendocument.", StringComparison.Ordinal) ? mimetype : null;
            }
            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    // Plain text: valid UTF-8 with no control characters but tab, line feed, form feed and carriage return.
    private static bool IsPlainText(byte[] content)
    {
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        return !text.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f'));
    }
}
