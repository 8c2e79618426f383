using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ComplaintsPlatform.Deploy;

/// <summary>
/// Writes JSON nodes as block-style YAML, deterministically: keys in the order they were added,
/// strings quoted (JSON style, which YAML reads as double-quoted) whenever a plain scalar could be
/// read as anything but that string.
/// </summary>
internal static partial class Yaml
{
    public static string Documents(IEnumerable<JsonObject> documents) =>
        string.Join("---\n", documents.Select(d => Write(d)));

    public static string Write(JsonNode node)
    {
        var text = new System.Text.StringBuilder();
        WriteNode(text, node, 0, inSequence: false);
        return text.ToString();
    }

    private static void WriteNode(System.Text.StringBuilder text, JsonNode node, int indent, bool inSequence)
    {
        switch (node)
        {
            case JsonObject map:
                var first = true;
                foreach (var (key, value) in map)
                {
                    if (!(first && inSequence))
                    {
                        text.Append(' ', indent);
                    }
                    first = false;
                    text.Append(Scalar(key)).Append(':');
                    WriteValue(text, value, indent);
                }
                break;
            case JsonArray list:
                foreach (var item in list)
                {
                    text.Append(' ', indent).Append("- ");
                    if (item is JsonObject { Count: > 0 } or JsonArray { Count: > 0 })
                    {
                        if (item is JsonArray)
                        {
                            throw new InvalidOperationException("Nested sequences are not written.");
                        }
                        WriteNode(text, item, indent + 2, inSequence: true);
                    }
                    else
                    {
                        text.Append(Inline(item)).Append('\n');
                    }
                }
                break;
            default:
                throw new InvalidOperationException("A document is a mapping.");
        }
    }

    private static void WriteValue(System.Text.StringBuilder text, JsonNode? value, int indent)
    {
        switch (value)
        {
            case JsonObject { Count: > 0 } map:
                text.Append('\n');
                WriteNode(text, map, indent + 2, inSequence: false);
                break;
            case JsonArray { Count: > 0 } list:
                text.Append('\n');
                WriteNode(text, list, indent, inSequence: false);
                break;
            default:
                text.Append(' ').Append(Inline(value)).Append('\n');
                break;
        }
    }

    private static string Inline(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "{}",
        JsonArray => "[]",
        JsonValue v when v.TryGetValue<string>(out var s) => Scalar(s),
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
        JsonValue v when v.TryGetValue<int>(out var i) => i.ToString(CultureInfo.InvariantCulture),
        JsonValue v when v.TryGetValue<long>(out var l) => l.ToString(CultureInfo.InvariantCulture),
        JsonValue v when v.TryGetValue<double>(out var d) => d.ToString(CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"Cannot write {value}"),
    };

    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "yes", "no", "on", "off", "null", "y", "n", "~",
    };

    /// <summary>A string as a plain scalar when that reads back as the same string, else quoted.</summary>
    public static string Scalar(string value) =>
        Plain().IsMatch(value) && !Reserved.Contains(value) && !Number().IsMatch(value)
            ? value
            : JsonSerializer.Serialize(value, Options);

    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    [GeneratedRegex(@"^[A-Za-z_/][A-Za-z0-9_./\-]*$")]
    private static partial Regex Plain();

    [GeneratedRegex(@"^[0-9+\-.]")]
    private static partial Regex Number();
}
