using System.Globalization;
using System.Net;
using System.Text;

namespace ComplaintsPlatform.Reporting.Domain;

/// <summary>One bar of a chart: its label and one value per series (a hidden value is drawn as nothing).</summary>
public sealed record ChartBar(string Label, IReadOnlyList<double?> Values);

/// <summary>
/// Horizontal bar charts as committee papers print them, drawn as one standalone SVG element: no
/// script and no style element (presentation attributes only, so a strict Content-Security-Policy
/// and a PDF printer both draw it). The figures are always given beside it in a table.
/// </summary>
public static class SvgChart
{
    // GOV.UK palette colours, each at least 3:1 against white (WCAG 1.4.11), in an order that keeps neighbours distinct.
    public static readonly string[] Palette = ["#1d70b8", "#f47738", "#00703c", "#4c2c92", "#d4351c", "#505a5f", "#28a197", "#912b88"];

    private const int Width = 720;
    private const int LabelWidth = 230;
    private const int PlotRight = Width - 60;
    private const int BarHeight = 16;
    private const int Gap = 10;

    public static string HorizontalBars(string id, string title, string description, IReadOnlyList<string> series, IReadOnlyList<ChartBar> bars,
        bool stacked, string unit = "", double? target = null, string? targetLabel = null, double? fixedMax = null)
    {
        // Three legend entries a row, or two when a name is long, so no name is cut short.
        var perRow = series.Any(n => n.Length > 28) ? 2 : 3;
        var legendRows = (series.Count + perRow - 1) / perRow;
        var top = 12 + legendRows * 20 + 8;
        var perBar = stacked || series.Count == 1 ? BarHeight : BarHeight * series.Count;
        var plotHeight = Math.Max(1, bars.Count) * (perBar + Gap);
        var height = top + plotHeight + 36 + (target is null ? 0 : 18);

        var largest = bars.Select(b => stacked ? b.Values.Sum(v => v ?? 0) : b.Values.Max(v => v ?? 0)).DefaultIfEmpty(0).Max();
        var max = fixedMax ?? NiceMax(Math.Max(largest, target ?? 0));
        double X(double v) => LabelWidth + (PlotRight - LabelWidth) * (max <= 0 ? 0 : Math.Min(v, max) / max);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" ")
            .Append(CultureInfo.InvariantCulture, $"role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" font-family=\"Arial, Helvetica, sans-serif\" font-size=\"13\" class=\"app-chart\">")
            .Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{E(title)}</title><desc id=\"{id}-desc\">{E(description)}</desc>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"0\" width=\"{Width}\" height=\"{height}\" fill=\"#ffffff\"/>");

        for (var s = 0; s < series.Count; s++)
        {
            var lx = 10 + (s % perRow) * (Width - 20) / perRow;
            var ly = 12 + (s / perRow) * 20;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{lx}\" y=\"{ly}\" width=\"12\" height=\"12\" fill=\"{Colour(s)}\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{lx + 18}\" y=\"{ly + 11}\" fill=\"#0b0c0c\">{E(Shorten(series[s], perRow == 2 ? 48 : 32))}</text>");
        }

        // Gridlines and the axis: five steps of a round number.
        for (var step = 0; step <= 5; step++)
        {
            var value = max * step / 5;
            var x = X(value);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x:0.#}\" y1=\"{top - 4}\" x2=\"{x:0.#}\" y2=\"{top + plotHeight}\" stroke=\"{(step == 0 ? "#0b0c0c" : "#b1b4b6")}\" stroke-width=\"1\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{top + plotHeight + 16}\" text-anchor=\"middle\" fill=\"#0b0c0c\">{Number(value)}{E(unit)}</text>");
        }

        var y = top;
        foreach (var bar in bars)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 8}\" y=\"{y + perBar / 2 + 4}\" text-anchor=\"end\" fill=\"#0b0c0c\">{E(Shorten(bar.Label, 34))}</text>");
            double start = 0;
            for (var s = 0; s < bar.Values.Count; s++)
            {
                if (bar.Values[s] is not { } value || value <= 0)
                {
                    continue;
                }
                var (x0, barY) = stacked ? (X(start), y) : (X(0), y + (series.Count == 1 ? 0 : s * BarHeight));
                var x1 = stacked ? X(start + value) : X(value);
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x0:0.#}\" y=\"{barY}\" width=\"{Math.Max(0.5, x1 - x0):0.#}\" height=\"{BarHeight - 2}\" fill=\"{Colour(s)}\"/>");
                if (!stacked)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x1 + 4:0.#}\" y=\"{barY + BarHeight - 4}\" fill=\"#0b0c0c\" font-size=\"11\">{Number(value)}{E(unit)}</text>");
                }
                start += value;
            }
            if (stacked && start > 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(start) + 4:0.#}\" y=\"{y + BarHeight - 4}\" fill=\"#0b0c0c\" font-size=\"11\">{Number(start)}{E(unit)}</text>");
            }
            y += perBar + Gap;
        }

        if (target is { } t)
        {
            var x = X(t);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x:0.#}\" y1=\"{top - 6}\" x2=\"{x:0.#}\" y2=\"{top + plotHeight}\" stroke=\"#0b0c0c\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{top + plotHeight + 34}\" text-anchor=\"middle\" fill=\"#0b0c0c\" font-weight=\"bold\">{E(targetLabel ?? "Target")}</text>");
        }
        return svg.Append("</svg>").ToString();
    }

    public static string Colour(int series) => Palette[series % Palette.Length];

    /// <summary>The smallest round number (1, 2 or 5 times a power of ten) at or above the largest value.</summary>
    public static double NiceMax(double largest)
    {
        if (largest <= 0)
        {
            return 5;
        }
        var power = Math.Pow(10, Math.Floor(Math.Log10(largest)));
        foreach (var m in new[] { 1.0, 2, 2.5, 5, 10 })
        {
            if (m * power >= largest)
            {
                // Five gridlines at whole numbers for small counts.
                return Math.Max(m * power, 5);
            }
        }
        return 10 * power;
    }

    private static string Number(double value) => value.ToString(value % 1 == 0 ? "#,0" : "#,0.#", CultureInfo.InvariantCulture);

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
