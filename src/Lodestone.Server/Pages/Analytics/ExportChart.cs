using System.Globalization;
using System.Net;
using System.Text;
using Lodestone.Services.Analytics;
using Microsoft.AspNetCore.Html;

namespace Lodestone.Server.Pages.Analytics;

/// <summary>
/// Monthly export tonnage as inline SVG: one bar per month for all destinations, and a line for the chosen
/// destination on its own scale, so the page needs no script and prints as it shows.
/// </summary>
internal static class ExportChart
{
    private const int Width = 760;
    private const int Height = 260;
    private const int Left = 48;
    private const int Bottom = 36;

    public static IHtmlContent Svg(IReadOnlyList<ExportRow> totals, IReadOnlyList<ExportRow> focus, string? focusName)
    {
        var inv = CultureInfo.InvariantCulture;
        var months = totals.Where(t => t.Month is not null).Select(t => t.Month!.Value).Union(focus.Where(f => f.Month is not null).Select(f => f.Month!.Value)).Order().ToList();
        var svg = new StringBuilder();
        svg.Append(inv, $"<svg id=\"export-chart\" role=\"img\" aria-label=\"Exports per month, tonnes\" width=\"100%\" viewBox=\"0 0 {Width} {Height}\" xmlns=\"http://www.w3.org/2000/svg\">");
        if (months.Count == 0)
        {
            return new HtmlString(svg.Append("</svg>").ToString());
        }

        var byMonth = totals.Where(t => t.Month is not null).ToDictionary(t => t.Month!.Value, t => t.Kg / 1000m);
        var focusByMonth = focus.Where(f => f.Month is not null).ToDictionary(f => f.Month!.Value, f => f.Kg / 1000m);
        var max = Math.Max(1m, byMonth.Values.DefaultIfEmpty(0m).Max());
        var focusMax = Math.Max(1m, focusByMonth.Values.DefaultIfEmpty(0m).Max());
        var plotWidth = Width - Left - 10;
        var plotHeight = Height - Bottom - 10;
        var step = (decimal)plotWidth / months.Count;
        svg.Append(inv, $"<text x=\"0\" y=\"14\" font-size=\"11\">{max:#,0} t</text><line x1=\"{Left}\" y1=\"10\" x2=\"{Left}\" y2=\"{10 + plotHeight}\" stroke=\"#999\" />");
        var points = new List<string>();
        for (var i = 0; i < months.Count; i++)
        {
            var month = months[i];
            var tonnes = byMonth.GetValueOrDefault(month);
            var h = tonnes / max * plotHeight;
            var x = Left + (i * step);
            var label = WebUtility.HtmlEncode($"{month:yyyy-MM}: {tonnes.ToString("#,0.#", inv)} t");
            svg.Append(inv, $"<rect class=\"bar\" x=\"{x + 1:0.#}\" y=\"{10 + plotHeight - h:0.#}\" width=\"{Math.Max(1m, step - 2):0.#}\" height=\"{h:0.#}\" fill=\"#7a9cc6\"><title>{label}</title></rect>");
            if (month.Month == 1 || i == 0)
            {
                svg.Append(inv, $"<text x=\"{x:0.#}\" y=\"{Height - 18}\" font-size=\"11\">{month:yyyy-MM}</text>");
            }

            if (focusByMonth.TryGetValue(month, out var f))
            {
                points.Add(FormattableString.Invariant($"{x + (step / 2):0.#},{10 + plotHeight - (f / focusMax * plotHeight):0.#}"));
            }
        }

        if (points.Count > 0 && focusName is not null)
        {
            var name = WebUtility.HtmlEncode(focusName);
            svg.Append(inv, $"<polyline class=\"focus\" points=\"{string.Join(' ', points)}\" fill=\"none\" stroke=\"#c0392b\" stroke-width=\"2\"><title>{name}, own scale (max {focusMax:#,0.#} t)</title></polyline>");
            svg.Append(inv, $"<text x=\"{Width - 230}\" y=\"14\" font-size=\"11\" fill=\"#c0392b\">— {name} (own scale, max {focusMax:#,0.#} t)</text>");
        }

        return new HtmlString(svg.Append("</svg>").ToString());
    }
}
