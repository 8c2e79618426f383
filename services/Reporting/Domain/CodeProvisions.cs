namespace ComplaintsPlatform.Reporting.Domain;

/// <summary>One provision of the Complaint Handling Code: where it is, what it asks, and what evidence applies.</summary>
/// <param name="Checked">
/// The paragraphs cited by CaseWorkflow's policy conformance check that stand for this provision (it cites the LGSCO Code's
/// numbers: a provision of that Code stands for itself, one of the Housing Ombudsman's Code for those named in its file).
/// </param>
public sealed record CodeProvision(string Paragraph, string Section, string SectionTitle, string Text, string Figure, IReadOnlyList<string> Checked)
{
    /// <summary>The conformance check of the policies evidences this provision.</summary>
    public bool Conformance => Checked.Count > 0;
}

/// <summary>
/// The provisions the self-assessment covers, shipped as data rather than written into code, so a revised
/// Code is a data change: the LGSCO's Code (code-provisions.tsv, every section) and the Housing Ombudsman's
/// (housing-code-provisions.tsv, its paragraphs marked H), each with a register of its own.
/// </summary>
public static class CodeProvisions
{
    private static readonly Lazy<IReadOnlyList<CodeProvision>> Loaded = new(() => Load("code-provisions.tsv"));
    private static readonly Lazy<IReadOnlyList<CodeProvision>> LoadedHousing = new(() => Load("housing-code-provisions.tsv"));

    /// <summary>The LGSCO Code's provisions.</summary>
    public static IReadOnlyList<CodeProvision> All => Loaded.Value;

    /// <summary>The Housing Ombudsman Code's provisions.</summary>
    public static IReadOnlyList<CodeProvision> Housing => LoadedHousing.Value;

    public static IReadOnlyList<CodeProvision> Of(bool housing) => housing ? Housing : All;

    /// <summary>A provision of either Code (their paragraphs never share a name).</summary>
    public static CodeProvision? Find(string paragraph) => All.Concat(Housing).FirstOrDefault(p => p.Paragraph == paragraph);

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

    private static IReadOnlyList<CodeProvision> Load(string resource)
    {
        using var stream = typeof(CodeProvisions).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"{resource} is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        var provisions = new List<CodeProvision>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var f = line.Split('\t');
            // "conformance" (the paragraph itself) or "conformance:6.4,6.5" (the check's paragraphs standing for this one).
            var check = f.Length > 5 ? f[5].Trim() : "";
            IReadOnlyList<string> cited = check == "conformance" ? [f[0]]
                : check.StartsWith("conformance:", StringComparison.Ordinal) ? check["conformance:".Length..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                : check.Length == 0 ? [] : throw new InvalidOperationException($"{resource}: unknown conformance column \"{check}\" at {f[0]}.");
            provisions.Add(new(f[0], f[1], f[2], f[3], f.Length > 4 ? f[4] : "", cited));
        }
        return provisions;
    }
}
