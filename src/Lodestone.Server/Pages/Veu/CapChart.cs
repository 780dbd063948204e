using System.Globalization;
using System.Net;
using System.Text;
using Lodestone.Services.Contracts;
using Microsoft.AspNetCore.Html;

namespace Lodestone.Server.Pages.Veu;

/// <summary>
/// The cap-usage chart of a VEU: one bar per calendar year, drawn against the cap, as inline SVG so the page
/// needs no script. A single stacked bar per year is all it shows.
/// </summary>
internal static class CapChart
{
    private const int BarWidth = 300;
    private const int Row = 34;

    public static IHtmlContent Svg(IReadOnlyList<VeuCapYearResponse> usage)
    {
        var inv = CultureInfo.InvariantCulture;
        var svg = new StringBuilder();
        svg.Append(inv, $"<svg id=\"cap-chart\" role=\"img\" aria-label=\"Cap drawn per calendar year\" width=\"100%\" viewBox=\"0 0 400 {usage.Count * Row + 8}\" xmlns=\"http://www.w3.org/2000/svg\">");
        for (var i = 0; i < usage.Count; i++)
        {
            var u = usage[i];
            var share = u.CapKg == 0 ? 0m : Math.Min(1m, u.DrawnKg / u.CapKg);
            var y = 4 + (i * Row);
            var title = WebUtility.HtmlEncode($"{u.DrawnKg.ToString("#,0.###", inv)} of {u.CapKg.ToString("#,0.###", inv)} kg drawn in {u.Year}");
            svg.Append(inv, $"<text x=\"0\" y=\"{y + 17}\" font-size=\"12\">{u.Year}</text>");
            svg.Append(inv, $"<rect x=\"40\" y=\"{y}\" width=\"{BarWidth}\" height=\"24\" fill=\"#e8ecef\" />");
            svg.Append(inv, $"<rect class=\"cap-drawn\" x=\"40\" y=\"{y}\" width=\"{(BarWidth * share).ToString("0.#", inv)}\" height=\"24\" fill=\"{(share >= 0.9m ? "#b3261e" : "#2f6f4f")}\"><title>{title}</title></rect>");
            svg.Append(inv, $"<text x=\"345\" y=\"{y + 17}\" font-size=\"12\">{(share * 100).ToString("0", inv)}%</text>");
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }
}
