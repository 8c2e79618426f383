namespace ComplaintsPlatform.Reporting.Domain;

/// <summary>One provision of the Complaint Handling Code: where it is, what it asks, and what evidence applies.</summary>
public sealed record CodeProvision(string Paragraph, string Section, string SectionTitle, string Text, string Figure, bool Conformance);

/// <summary>
/// The provisions the self-assessment covers, shipped as data (code-provisions.tsv, every section of
/// the Code) rather than written into code, so a revised Code is a data change.
/// </summary>
public static class CodeProvisions
{
    private static readonly Lazy<IReadOnlyList<CodeProvision>> Loaded = new(Load);

    public static IReadOnlyList<CodeProvision> All => Loaded.Value;

    public static CodeProvision? Find(string paragraph) => All.FirstOrDefault(p => p.Paragraph == paragraph);

    /// <summary>"6.4-6.5" → 6.4, 6.5 (the conformance check cites ranges within one section).</summary>
    public static IEnumerable<string> Expand(string cited)
    {
        var parts = cited.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !TryParse(parts[0], out var from) || !TryParse(parts[1], out var to) || from.Section != to.Section)
        {
            return [cited.Trim()];
        }
        return Enumerable.Range(from.Number, Math.Max(0, to.Number - from.Number + 1)).Select(n => $"{from.Section}.{n}");
    }

    private static bool TryParse(string paragraph, out (int Section, int Number) value)
    {
        var bits = paragraph.Split('.');
        value = default;
        if (bits.Length == 2 && int.TryParse(bits[0], out var s) && int.TryParse(bits[1], out var n))
        {
            value = (s, n);
            return true;
        }
        return false;
    }

    private static IReadOnlyList<CodeProvision> Load()
    {
        using var stream = typeof(CodeProvisions).Assembly.GetManifestResourceStream("code-provisions.tsv")
            ?? throw new InvalidOperationException("code-provisions.tsv is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        var provisions = new List<CodeProvision>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var f = line.Split('\t');
            provisions.Add(new(f[0], f[1], f[2], f[3], f.Length > 4 ? f[4] : "", f.Length > 5 && f[5] == "conformance"));
        }
        return provisions;
    }
}
