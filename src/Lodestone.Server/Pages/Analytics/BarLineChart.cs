using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Legends;
using OxyPlot.Series;

namespace Lodestone.Server.Pages.Analytics;

/// <summary>One point of a chart series: a period key ("2025-09" or "2025-W37") and tonnes.</summary>
internal readonly record struct ChartPoint(string Period, decimal Tonnes);

/// <summary>
/// Tonnes per period as a bar series with a line over it, drawn by OxyPlot on the server as inline SVG
/// (its managed SVG exporter needs no native library and no script), followed by the same figures as a
/// table for screen readers and for copying.
/// </summary>
internal static class BarLineChart
{
    private const int Width = 760;
    private const int Height = 280;
    private static readonly OxyColor BarColour = OxyColor.Parse("#7a9cc6");
    private static readonly OxyColor LineColour = OxyColor.Parse("#c0392b");

    /// <param name="id">The element id; the table is <c>{id}-data</c>.</param>
    /// <param name="label">What the chart shows, for screen readers.</param>
    /// <param name="barsName">The bar series' name.</param>
    /// <param name="bars">The bar series.</param>
    /// <param name="line">The line series.</param>
    /// <param name="lineName">The line's name; null draws no line.</param>
    /// <param name="ownScale">True to scale the line on its own right-hand axis (a destination against the total); false to share the bars' axis (a draft against history).</param>
    public static IHtmlContent Render(string id, string label, string barsName, IReadOnlyList<ChartPoint> bars, IReadOnlyList<ChartPoint> line, string? lineName, bool ownScale)
    {
        var periods = bars.Select(b => b.Period).Union(line.Select(l => l.Period)).Order(StringComparer.Ordinal).ToList();
        var barValues = bars.GroupBy(b => b.Period).ToDictionary(g => g.Key, g => g.Sum(b => b.Tonnes));
        var lineValues = line.GroupBy(b => b.Period).ToDictionary(g => g.Key, g => g.Sum(b => b.Tonnes));
        var html = new StringBuilder();
        html.Append(Svg(id, label, barsName, periods, barValues, lineValues, lineName, ownScale));
        html.Append(Table(id, barsName, periods, barValues, lineValues, lineName));
        return new HtmlString(html.ToString());
    }

    private static string Svg(string id, string label, string barsName, List<string> periods, Dictionary<string, decimal> bars, Dictionary<string, decimal> line, string? lineName, bool ownScale)
    {
        var model = new PlotModel { DefaultFont = "sans-serif", DefaultFontSize = 11, PlotAreaBorderThickness = new OxyThickness(0, 0, 0, 1) };
        var categories = new CategoryAxis { Position = AxisPosition.Bottom, Key = "period", GapWidth = 0.15, IsPanEnabled = false, IsZoomEnabled = false };

        // Label the first period and each year's first month or week, so two years of weeks stay readable.
        categories.Labels.AddRange(periods.Select((p, i) => i == 0 || p.EndsWith("-01", StringComparison.Ordinal) || p.EndsWith("-W01", StringComparison.Ordinal) ? p : string.Empty));
        model.Axes.Add(categories);
        model.Axes.Add(new LinearAxis { Position = AxisPosition.Left, Key = "t", Title = "t", Minimum = 0, MinimumPadding = 0, MaximumPadding = 0.05, StringFormat = "#,0" });
        var series = new BarSeries { Title = barsName, XAxisKey = "t", YAxisKey = "period", FillColor = BarColour, StrokeThickness = 0 };
        series.Items.AddRange(periods.Select(p => new BarItem((double)bars.GetValueOrDefault(p))));
        model.Series.Add(series);
        if (lineName is not null && line.Count > 0)
        {
            var lineAxis = "t";
            if (ownScale)
            {
                lineAxis = "line";
                model.Axes.Add(new LinearAxis { Position = AxisPosition.Right, Key = lineAxis, Title = $"t, {lineName}", TitleColor = LineColour, TextColor = LineColour, Minimum = 0, MinimumPadding = 0, MaximumPadding = 0.05, StringFormat = "#,0" });
            }

            var points = new LineSeries { Title = lineName, XAxisKey = "period", YAxisKey = lineAxis, Color = LineColour, StrokeThickness = 2 };
            points.Points.AddRange(periods.Select((p, i) => (p, i)).Where(x => line.ContainsKey(x.p)).Select(x => new DataPoint(x.i, (double)line[x.p])));
            model.Series.Add(points);
        }

        model.Legends.Add(new Legend { LegendPosition = LegendPosition.TopCenter, LegendPlacement = LegendPlacement.Outside, LegendOrientation = LegendOrientation.Horizontal });
        var svg = new SvgExporter { Width = Width, Height = Height }.ExportToString(model);

        // Inline: drop the XML prologue, make it scale with the page, name it, and keep its clip-path ids
        // apart from another chart's on the same page.
        svg = svg[svg.IndexOf("<svg", StringComparison.Ordinal)..]
            .Replace("clipPath", $"{id}-clip", StringComparison.Ordinal);
        var open = svg.IndexOf('>', StringComparison.Ordinal);
        return string.Create(CultureInfo.InvariantCulture, $"<svg id=\"{WebUtility.HtmlEncode(id)}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(label)}\" width=\"100%\" viewBox=\"0 0 {Width} {Height}\" xmlns=\"http://www.w3.org/2000/svg\">") + svg[(open + 1)..];
    }

    private static string Table(string id, string barsName, List<string> periods, Dictionary<string, decimal> bars, Dictionary<string, decimal> line, string? lineName)
    {
        var inv = CultureInfo.InvariantCulture;
        var html = new StringBuilder();
        html.Append(inv, $"<details><summary>The figures behind the chart</summary><table class=\"grid compact\" id=\"{WebUtility.HtmlEncode(id)}-data\"><thead><tr><th>Period</th><th class=\"num\">{WebUtility.HtmlEncode(barsName)}, t</th>");
        if (lineName is not null)
        {
            html.Append(inv, $"<th class=\"num\">{WebUtility.HtmlEncode(lineName)}, t</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var period in periods)
        {
            html.Append(inv, $"<tr><td>{WebUtility.HtmlEncode(period)}</td><td class=\"num\">{bars.GetValueOrDefault(period).ToString("#,0.#", inv)}</td>");
            if (lineName is not null)
            {
                html.Append(inv, $"<td class=\"num\">{(line.TryGetValue(period, out var v) ? v.ToString("#,0.#", inv) : "—")}</td>");
            }

            html.Append("</tr>");
        }

        return html.Append("</tbody></table></details>").ToString();
    }
}
