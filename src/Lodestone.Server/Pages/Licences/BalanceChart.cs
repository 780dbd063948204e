using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Lodestone.Server.Pages.Licences;

/// <summary>
/// A licence's balance over its validity: the licensed quantity as a line, the quantity used as a cumulative
/// step line drawn from the released shipments, as inline SVG so the page needs no script.
/// </summary>
internal static class BalanceChart
{
    private const int Left = 60;
    private const int Width = 330;
    private const int Top = 10;
    private const int Height = 120;

    /// <summary>One drawdown: the declaration date and the kilograms it drew.</summary>
    public sealed record Draw(DateOnly On, decimal Kg);

    public static IHtmlContent Svg(decimal licensedKg, DateOnly from, DateOnly until, IReadOnlyList<Draw> draws)
    {
        ArgumentNullException.ThrowIfNull(draws);
        var inv = CultureInfo.InvariantCulture;
        var days = Math.Max(1, until.DayNumber - from.DayNumber);
        var used = draws.Sum(d => d.Kg);
        var top = Math.Max(licensedKg, used);
        string X(DateOnly day) => (Left + (Width * (decimal)Math.Clamp(day.DayNumber - from.DayNumber, 0, days) / days)).ToString("0.#", inv);
        string Y(decimal kg) => (Top + Height - (top == 0 ? 0 : Height * kg / top)).ToString("0.#", inv);

        var svg = new StringBuilder();
        svg.Append(inv, $"<svg id=\"balance-chart\" role=\"img\" aria-label=\"Quantity used against the licensed quantity over the validity\" width=\"100%\" viewBox=\"0 0 400 {Top + Height + 30}\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(inv, $"<rect x=\"{Left}\" y=\"{Top}\" width=\"{Width}\" height=\"{Height}\" fill=\"#f4f6f9\" />");
        svg.Append(inv, $"<line class=\"licensed\" x1=\"{Left}\" y1=\"{Y(licensedKg)}\" x2=\"{Left + Width}\" y2=\"{Y(licensedKg)}\" stroke=\"#b3261e\" stroke-dasharray=\"4 3\"><title>{Kg(licensedKg)} kg licensed</title></line>");
        svg.Append(inv, $"<text x=\"{Left - 4}\" y=\"{Y(licensedKg)}\" font-size=\"10\" text-anchor=\"end\" dominant-baseline=\"middle\">{Kg(licensedKg)}</text>");
        svg.Append(inv, $"<text x=\"{Left - 4}\" y=\"{Top + Height}\" font-size=\"10\" text-anchor=\"end\">0 kg</text>");
        svg.Append(inv, $"<text x=\"{Left}\" y=\"{Top + Height + 14}\" font-size=\"10\">{from:yyyy-MM-dd}</text>");
        svg.Append(inv, $"<text x=\"{Left + Width}\" y=\"{Top + Height + 14}\" font-size=\"10\" text-anchor=\"end\">{until:yyyy-MM-dd}</text>");

        var points = new StringBuilder();
        points.Append(inv, $"{X(from)},{Y(0)}");
        var total = 0m;
        foreach (var d in draws.OrderBy(d => d.On))
        {
            points.Append(inv, $" {X(d.On)},{Y(total)}");
            total += d.Kg;
            points.Append(inv, $" {X(d.On)},{Y(total)}");
        }

        var title = WebUtility.HtmlEncode($"{Kg(used)} of {Kg(licensedKg)} kg used by {draws.Count} shipment(s)");
        svg.Append(inv, $"<polyline class=\"used\" points=\"{points}\" fill=\"none\" stroke=\"#2f6f4f\" stroke-width=\"2\"><title>{title}</title></polyline>");
        svg.Append(inv, $"<text x=\"{Left}\" y=\"{Top + Height + 28}\" font-size=\"10\">Used (solid) against licensed (dashed), cumulative by declaration date</text>");
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    private static string Kg(decimal v) => v.ToString("#,0.###", CultureInfo.InvariantCulture);
}
