using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Lodestone.Server.Pages.Analytics;

/// <summary>One point of a chart series: a period key ("2025-09" or "2025-W37") and tonnes.</summary>
internal readonly record struct ChartPoint(string Period, decimal Tonnes);

/// <summary>
/// Tonnes per period as inline SVG: a bar per period for one series and a line for another, on its own scale
/// or on the bars' scale, so the page needs no script and prints as it shows.
/// </summary>
internal static class BarLineChart
{
    private const int Width = 760;
    private const int Height = 260;
    private const int Left = 48;
    private const int Bottom = 36;

    /// <param name="id">The element id.</param>
    /// <param name="label">What the chart shows, for screen readers.</param>
    /// <param name="bars">The bar series.</param>
    /// <param name="line">The line series.</param>
    /// <param name="lineName">The line's name in the legend; null draws no line.</param>
    /// <param name="ownScale">True to scale the line on its own (a destination against the total); false to share the bars' scale (a draft against history).</param>
    public static IHtmlContent Svg(string id, string label, IReadOnlyList<ChartPoint> bars, IReadOnlyList<ChartPoint> line, string? lineName, bool ownScale)
    {
        var inv = CultureInfo.InvariantCulture;
        var periods = bars.Select(b => b.Period).Union(line.Select(l => l.Period)).Order(StringComparer.Ordinal).ToList();
        var svg = new StringBuilder();
        svg.Append(inv, $"<svg id=\"{WebUtility.HtmlEncode(id)}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(label)}\" width=\"100%\" viewBox=\"0 0 {Width} {Height}\" xmlns=\"http://www.w3.org/2000/svg\">");
        if (periods.Count == 0)
        {
            return new HtmlString(svg.Append("</svg>").ToString());
        }

        var barValues = bars.GroupBy(b => b.Period).ToDictionary(g => g.Key, g => g.Sum(b => b.Tonnes));
        var lineValues = line.GroupBy(b => b.Period).ToDictionary(g => g.Key, g => g.Sum(b => b.Tonnes));
        var max = Math.Max(1m, barValues.Values.DefaultIfEmpty(0m).Max());
        var lineMax = ownScale ? Math.Max(1m, lineValues.Values.DefaultIfEmpty(0m).Max()) : Math.Max(max, lineValues.Values.DefaultIfEmpty(0m).Max());
        max = ownScale ? max : lineMax;
        var plotWidth = Width - Left - 10;
        var plotHeight = Height - Bottom - 10;
        var step = (decimal)plotWidth / periods.Count;
        svg.Append(inv, $"<text x=\"0\" y=\"14\" font-size=\"11\">{max:#,0} t</text><line x1=\"{Left}\" y1=\"10\" x2=\"{Left}\" y2=\"{10 + plotHeight}\" stroke=\"#999\" />");
        var points = new List<string>();
        for (var i = 0; i < periods.Count; i++)
        {
            var period = periods[i];
            var tonnes = barValues.GetValueOrDefault(period);
            var h = tonnes / max * plotHeight;
            var x = Left + (i * step);
            var title = WebUtility.HtmlEncode($"{period}: {tonnes.ToString("#,0.#", inv)} t");
            svg.Append(inv, $"<rect class=\"bar\" x=\"{x + 1:0.#}\" y=\"{10 + plotHeight - h:0.#}\" width=\"{Math.Max(1m, step - 2):0.#}\" height=\"{h:0.#}\" fill=\"#7a9cc6\"><title>{title}</title></rect>");

            // Label the first period and each year's first month or week.
            if (i == 0 || period.EndsWith("-01", StringComparison.Ordinal) || period.EndsWith("-W01", StringComparison.Ordinal))
            {
                svg.Append(inv, $"<text x=\"{x:0.#}\" y=\"{Height - 18}\" font-size=\"11\">{WebUtility.HtmlEncode(period)}</text>");
            }

            if (lineValues.TryGetValue(period, out var f))
            {
                points.Add(FormattableString.Invariant($"{x + (step / 2):0.#},{10 + plotHeight - (f / lineMax * plotHeight):0.#}"));
            }
        }

        if (points.Count > 0 && lineName is not null)
        {
            var name = WebUtility.HtmlEncode(lineName);
            var scale = ownScale ? FormattableString.Invariant($"own scale, max {lineMax:#,0.#} t") : "same scale";
            svg.Append(inv, $"<polyline class=\"focus\" points=\"{string.Join(' ', points)}\" fill=\"none\" stroke=\"#c0392b\" stroke-width=\"2\"><title>{name}, {scale}</title></polyline>");
            svg.Append(inv, $"<text x=\"{Width - 260}\" y=\"14\" font-size=\"11\" fill=\"#c0392b\">— {name} ({scale})</text>");
        }

        return new HtmlString(svg.Append("</svg>").ToString());
    }
}
