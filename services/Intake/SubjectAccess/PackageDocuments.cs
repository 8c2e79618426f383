using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;

namespace ComplaintsPlatform.Intake.SubjectAccess;

/// <summary>
/// The package as files: JSON for machines, an HTML document a person can read (every value encoded),
/// and a zip of both with the attachments and letters under files/.
/// </summary>
public static class PackageDocuments
{
    public static byte[] Json(SubjectAccessPackage p)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("request_id", p.Request.Id.ToString());
            w.WriteString("received_on", Day(p.Request.ReceivedOn));
            w.WriteString("due_on", Day(p.Request.DueOn));
            w.WriteString("gathered_at", p.GatheredAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            w.WriteString("gathered_by", p.GatheredBy);
            w.WriteStartArray("records");
            foreach (var (service, r) in p.Records)
            {
                w.WriteStartObject();
                w.WriteString("service", service);
                w.WriteString("kind", r.Kind);
                w.WriteString("id", r.Id);
                w.WriteString("reference", r.Reference);
                w.WriteString("date", r.Date);
                w.WriteString("part_of", r.PartOf);
                w.WriteStartArray("fields");
                foreach (var f in r.Fields)
                {
                    w.WriteStartObject();
                    w.WriteString("label", f.Label);
                    w.WriteString("value", f.Value);
                    w.WriteBoolean("may_name_others", f.MayNameOthers);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteStartArray("files");
                foreach (var file in r.Files)
                {
                    w.WriteStartObject();
                    w.WriteString("path", FilePath(file.Id, file.FileName));
                    w.WriteString("content_type", file.ContentType);
                    w.WriteNumber("size_bytes", file.SizeBytes);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("access_log");
            foreach (var a in p.AccessLog)
            {
                w.WriteStartObject();
                w.WriteString("at", a.At.ToDateTime().ToString("O", CultureInfo.InvariantCulture));
                w.WriteString("service", a.Service);
                w.WriteString("officer", a.OfficerId);
                w.WriteString("role", a.Role);
                w.WriteString("action", a.Action);
                w.WriteString("record_kind", a.RecordKind);
                w.WriteString("record_id", a.RecordId);
                w.WriteBoolean("allowed", a.Allowed);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return stream.ToArray();
    }

    public static byte[] Html(SubjectAccessPackage p)
    {
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Your personal data</title></head><body>\n");
        h.Append("<h1>The personal data the council holds about you</h1>\n");
        h.Append(CultureInfo.InvariantCulture, $"<p>Request received {E(Day(p.Request.ReceivedOn))}; answered by {E(Day(p.Request.DueOn))}. Gathered {E(p.GatheredAt.UtcDateTime.ToString("d MMMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture))}.</p>\n");
        foreach (var group in p.Records.GroupBy(r => r.Record.Kind))
        {
            h.Append(CultureInfo.InvariantCulture, $"<h2>{E(Title(group.Key))}</h2>\n");
            foreach (var (_, r) in group)
            {
                h.Append(CultureInfo.InvariantCulture, $"<section data-kind=\"{E(r.Kind)}\" data-id=\"{E(r.Id)}\"><h3>{E(r.Reference.Length > 0 ? r.Reference : Title(r.Kind))} {E(r.Date)}</h3>\n<dl>\n");
                foreach (var f in r.Fields)
                {
                    var flag = f.MayNameOthers ? " data-may-name-others=\"true\"" : "";
                    h.Append(CultureInfo.InvariantCulture, $"<dt>{E(f.Label)}</dt><dd{flag}>{E(f.Value)}</dd>\n");
                }
                foreach (var file in r.Files)
                {
                    h.Append(CultureInfo.InvariantCulture, $"<dt>File</dt><dd>{E(FilePath(file.Id, file.FileName))}</dd>\n");
                }
                h.Append("</dl></section>\n");
            }
        }
        h.Append("<h2>Who has read your records</h2>\n<table><thead><tr><th>When</th><th>Who</th><th>What</th><th>Record</th><th>Allowed</th></tr></thead><tbody>\n");
        foreach (var a in p.AccessLog)
        {
            h.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(a.At.ToDateTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))}</td><td>{E(a.OfficerId)}</td><td>{E(a.Action)}</td><td>{E(Title(a.RecordKind))}</td><td>{(a.Allowed ? "Yes" : "No")}</td></tr>\n");
        }
        h.Append("</tbody></table>\n</body></html>\n");
        return Encoding.UTF8.GetBytes(h.ToString());
    }

    public static byte[] Zip(SubjectAccessPackage p)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "package.json", Json(p));
            Add(zip, "package.html", Html(p));
            foreach (var (id, file) in p.Files)
            {
                Add(zip, FilePath(id, file.FileName), file.Content);
            }
        }
        return stream.ToArray();
    }

    /// <summary>A file's place in the zip: its id keeps two files of the same name apart; the name is reduced to safe characters.</summary>
    public static string FilePath(string id, string fileName)
    {
        var safe = new string(Path.GetFileName(fileName).Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray());
        return $"files/{id}-{(safe.Length == 0 ? "file" : safe)}";
    }

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        entry.Write(content);
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string E(string s) => WebUtility.HtmlEncode(s);

    private static string Title(string kind) =>
        kind.Length == 0 ? "" : char.ToUpperInvariant(kind[0]) + kind[1..].Replace('_', ' ');
}
