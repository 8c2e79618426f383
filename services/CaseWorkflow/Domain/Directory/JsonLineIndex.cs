using System.Text;
using System.Text.Json;

namespace ComplaintsPlatform.CaseWorkflow.Domain.Directory;

/// <summary>
/// Maps each property of a JSON document to its line ("directorates[2].service_areas[0].name" → 41),
/// so a problem found after parsing can still be reported where the author can find it.
/// </summary>
internal sealed class JsonLineIndex
{
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);

    public static JsonLineIndex Build(byte[] utf8)
    {
        var index = new JsonLineIndex();
        var lineStarts = LineStarts(utf8);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var path = new List<string>();
        var arrayCounters = new Stack<int>();
        var containers = new Stack<JsonTokenType>();
        string? pendingProperty = null;

        void EnterValue()
        {
            if (containers.Count > 0 && containers.Peek() == JsonTokenType.StartArray)
            {
                var i = arrayCounters.Pop();
                arrayCounters.Push(i + 1);
                path.Add($"[{i}]");
            }
            else if (pendingProperty is not null)
            {
                path.Add(path.Count == 0 ? pendingProperty : "." + pendingProperty);
                pendingProperty = null;
            }
        }

        void LeaveValue()
        {
            if (path.Count > 0)
            {
                path.RemoveAt(path.Count - 1);
            }
        }

        var depthHasPath = new Stack<bool>();
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    pendingProperty = reader.GetString()!;
                    var full = string.Concat(path) + (path.Count == 0 ? "" : ".") + pendingProperty;
                    index._lines.TryAdd(full, LineOf(lineStarts, reader.TokenStartIndex));
                    break;
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    var before = path.Count;
                    EnterValue();
                    depthHasPath.Push(path.Count > before);
                    if (path.Count > 0)
                    {
                        index._lines.TryAdd(string.Concat(path), LineOf(lineStarts, reader.TokenStartIndex));
                    }
                    containers.Push(reader.TokenType);
                    if (reader.TokenType == JsonTokenType.StartArray)
                    {
                        arrayCounters.Push(0);
                    }
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    if (containers.Pop() == JsonTokenType.StartArray)
                    {
                        arrayCounters.Pop();
                    }
                    if (depthHasPath.Pop())
                    {
                        LeaveValue();
                    }
                    break;
                default:
                    var had = path.Count;
                    EnterValue();
                    if (path.Count > had)
                    {
                        index._lines.TryAdd(string.Concat(path), LineOf(lineStarts, reader.TokenStartIndex));
                        LeaveValue();
                    }
                    break;
            }
        }
        return index;
    }

    /// <summary>The line of a path, or of its nearest ancestor that is in the file.</summary>
    public int LineOf(string path)
    {
        for (var p = path; p.Length > 0; p = Parent(p))
        {
            if (_lines.TryGetValue(p, out var line))
            {
                return line;
            }
        }
        return 1;
    }

    /// <summary>The first line where a property of this name appears (for parser messages that name only the field).</summary>
    public int? LineOfProperty(string name) =>
        _lines.Where(kv => kv.Key == name || kv.Key.EndsWith("." + name, StringComparison.Ordinal))
            .Select(kv => (int?)kv.Value).Min();

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "" : path[..cut];
    }

    private static List<long> LineStarts(byte[] utf8)
    {
        var starts = new List<long> { 0 };
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }
        return starts;
    }

    private static int LineOf(List<long> lineStarts, long offset)
    {
        var i = lineStarts.BinarySearch(offset);
        return (i >= 0 ? i : ~i - 1) + 1;
    }

    public override string ToString() => new StringBuilder().AppendJoin('\n', _lines.Select(kv => $"{kv.Key}:{kv.Value}")).ToString();
}
