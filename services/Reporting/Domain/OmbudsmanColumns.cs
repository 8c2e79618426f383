using ComplaintsPlatform.Reporting.V1;

namespace ComplaintsPlatform.Reporting.Domain;

/// <summary>
/// The columns of the Ombudsman's tables that only one Ombudsman fills: the LGSCO's decision categories and
/// closure reasons, the Housing Ombudsman's determinations and orders. A document about one Code prints its
/// own Ombudsman's columns only; the API keeps every column so a table's shape never depends on the request.
/// </summary>
public static class OmbudsmanColumns
{
    private static readonly string[] HousingOnly = ["decision_" + OmbudsmanMetrics.HousingDetermined, "determinations", "compensation_ordered_pence"];
    private static readonly string[] HousingPrefixes = ["determination_", "orders_", "order_"];
    private static readonly string[] LgscoOnly =
        ["upheld_injustice", "investigated", "upheld", "not_upheld", "satisfactory_remedy", "upheld_rate", "satisfactory_remedy_rate"];
    private static readonly string[] LgscoPrefixes = ["decision_", "closed_"];

    public static bool Belongs(string key, Ombudsman.V1.Ombudsman ombudsman)
    {
        var housing = HousingOnly.Contains(key) || HousingPrefixes.Any(p => key.StartsWith(p, StringComparison.Ordinal));
        var lgsco = !housing && (LgscoOnly.Contains(key) || LgscoPrefixes.Any(p => key.StartsWith(p, StringComparison.Ordinal)));
        return ombudsman switch
        {
            Ombudsman.V1.Ombudsman.Housing => !lgsco,
            Ombudsman.V1.Ombudsman.Lgsco => !housing,
            _ => true,
        };
    }

    /// <summary>The table with only the named Ombudsman's columns (and the columns both fill).</summary>
    public static ReportTable For(ReportTable table, Ombudsman.V1.Ombudsman ombudsman)
    {
        var keep = table.Columns.Select((c, i) => (c, i)).Where(x => Belongs(x.c.Key, ombudsman)).Select(x => x.i).ToList();
        if (keep.Count == table.Columns.Count)
        {
            return table;
        }
        var trimmed = table.Clone();
        void Trim(ReportRow row)
        {
            var cells = keep.Where(i => i < row.Cells.Count).Select(i => row.Cells[i]).ToList();
            row.Cells.Clear();
            row.Cells.AddRange(cells);
        }
        trimmed.Columns.Clear();
        trimmed.Columns.AddRange(keep.Select(i => table.Columns[i]));
        foreach (var row in trimmed.Rows)
        {
            Trim(row);
        }
        if (trimmed.Total is not null)
        {
            Trim(trimmed.Total);
        }
        return trimmed;
    }
}
