namespace ComplaintsPlatform.Reporting.Domain;

/// <summary>
/// Small-number suppression for public outputs over one table of counts whose rows and columns
/// are linked by sums (a parent row is the sum of its children; a total column the sum of its parts).
/// Primary: every count of 1-4 is hidden. Secondary, repeated until nothing changes: in any sum
/// with a hidden member, at least two members are hidden and the hidden ones add up to 5 or more, so
/// no hidden count can be worked out by subtraction, nor pinned down as "all ones". Every public view
/// (any grouping, the total, the previous year) is cut from the same protected table, so combining
/// two queries gives an attacker no more equations than the table itself.
/// </summary>
public static class Suppression
{
    public const int Threshold = 5;

    /// <param name="values">rows × count columns</param>
    /// <param name="rowSets">each: parent row index first, then the rows that add up to it</param>
    /// <param name="columnSets">each: total column index first, then the columns that add up to it</param>
    public static bool[][] Apply(long[][] values, IReadOnlyList<int[]> rowSets, IReadOnlyList<int[]> columnSets) =>
        Apply(values, rowSets, columnSets, values.Select(_ => true).ToArray(), Threshold);

    /// <param name="hideable">per row: whether its cells may be hidden at all (published totals may not)</param>
    /// <param name="threshold">the council's: counts from 1 to one below it are hidden</param>
    public static bool[][] Apply(long[][] values, IReadOnlyList<int[]> rowSets, IReadOnlyList<int[]> columnSets, bool[] hideable, int threshold)
    {
        var hidden = values.Select((row, r) => row.Select(v => hideable[r] && v > 0 && v < threshold).ToArray()).ToArray();
        var columns = values.Length == 0 ? 0 : values[0].Length;
        var sets = new List<(int Row, int Col)[]>();
        foreach (var set in rowSets)
        {
            for (var c = 0; c < columns; c++)
            {
                sets.Add(set.Select(r => (r, c)).ToArray());
            }
        }
        foreach (var set in columnSets)
        {
            for (var r = 0; r < values.Length; r++)
            {
                sets.Add(set.Select(c => (r, c)).ToArray());
            }
        }
        bool changed;
        do
        {
            changed = false;
            foreach (var set in sets)
            {
                while (NeedsMore(set, values, hidden, threshold))
                {
                    if (!HideNext(set, values, hidden, hideable))
                    {
                        break;
                    }
                    changed = true;
                }
            }
        }
        while (changed);
        return hidden;
    }

    private static bool NeedsMore((int Row, int Col)[] set, long[][] values, bool[][] hidden, int threshold)
    {
        var hiddenCells = set.Where(x => hidden[x.Row][x.Col]).ToList();
        if (hiddenCells.Count == 0)
        {
            return false;
        }
        var hiddenSum = hiddenCells.Sum(x => values[x.Row][x.Col]);
        // A hidden total with all its parts on show is recoverable as well.
        return hiddenCells.Count == 1 || hiddenSum < threshold;
    }

    /// <summary>Hides the smallest non-zero visible part of the sum (the total only if no part is left).</summary>
    private static bool HideNext((int Row, int Col)[] set, long[][] values, bool[][] hidden, bool[] hideable)
    {
        var candidates = set.Skip(1).Where(x => hideable[x.Row] && !hidden[x.Row][x.Col] && values[x.Row][x.Col] > 0)
            .OrderBy(x => values[x.Row][x.Col]).ToList();
        if (candidates.Count == 0)
        {
            var total = set[0];
            if (!hideable[total.Row] || hidden[total.Row][total.Col] || values[total.Row][total.Col] == 0)
            {
                return false;
            }
            hidden[total.Row][total.Col] = true;
            return true;
        }
        var next = candidates[0];
        hidden[next.Row][next.Col] = true;
        return true;
    }
}
