using System.Globalization;
using Lodestone.Domain.Common;
using Lodestone.Domain.Controls;

namespace Lodestone.Domain.Classification;

/// <summary>
/// Classifies a product against the control list on a date. Pure: the same list, product and date
/// always give the same result.
/// </summary>
public static class Classifier
{
    /// <summary>Classifies <paramref name="product"/> on <paramref name="asOf"/>.</summary>
    public static ClassificationResult Classify(ControlList list, Product product, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(product);

        var form = WireName.Of(product.Form);
        var matches = new List<(ControlEntry Entry, string Reason)>();
        var missing = new List<string>();
        var notes = new List<string>();

        if (product.Composition.IsEmpty)
        {
            // Ann. 18 sets no de-minimis, so without a composition the product cannot be cleared:
            // MOFCOM refuses "for lack of evidence" and customs holds 8505.11 goods (one code for all RE magnets).
            var elements = string.Join(", ", list.InForce(asOf).Where(e => e.Forms.Contains(product.Form)).Select(e => e.Element).Distinct());
            missing.Add(elements.Length == 0
                ? $"No composition declared for the {form}."
                : $"No composition declared for the {form}: a test report must state its content of {elements} (Ann. 18 sets no minimum content).");
            foreach (var entry in list.InForce(asOf).Where(e => e.Forms.Contains(product.Form) && MatchesHs(e, product.HsCode)))
            {
                notes.Add($"HS {product.HsCode} is a reference code for {entry.Code} ({entry.Title}).");
            }
        }
        else
        {
            foreach (var entry in list.Entries.Where(e => Covers(e, product)))
            {
                var instrument = list.InstrumentOf(entry);
                var content = string.Join(", ", new[] { entry.Element }.Concat(entry.AlsoRequires)
                    .Select(el => $"{el} {product.Composition.PercentOf(el).ToString(CultureInfo.InvariantCulture)} wt%"));
                if (instrument.IsInForce(asOf))
                {
                    matches.Add((entry, $"{Capitalize(form)} with {content}: {entry.Title} ({instrument.Title}, in force since {instrument.EffectiveFrom:yyyy-MM-dd})."));
                }
                else if (instrument.SuspensionOn(asOf) is { } suspension)
                {
                    notes.Add($"{entry.Code} ({entry.Title}) would apply, but {instrument.Title} is suspended until {suspension.Until:yyyy-MM-dd} by {suspension.By}.");
                }
                else
                {
                    notes.Add($"{entry.Code} ({entry.Title}) will apply from {instrument.EffectiveFrom:yyyy-MM-dd} ({instrument.Title}).");
                }
            }
        }

        // The most specific sub-item wins: a SmCo magnet is 1C902.a.4, not also the 1C902.a catch-all.
        var specific = matches
            .Where(m => !matches.Any(o => o.Entry.Code.Length > m.Entry.Code.Length && o.Entry.Code.StartsWith(m.Entry.Code + ".", StringComparison.Ordinal)))
            .Select(m => new ClassificationMatch(m.Entry.Code, m.Reason))
            .ToList();

        return new ClassificationResult(asOf, list.Version, specific, missing, notes);
    }

    private static bool Covers(ControlEntry entry, Product product) =>
        entry.Forms.Contains(product.Form)
        && product.Composition.PercentOf(entry.Element) > entry.MinPercent
        && entry.AlsoRequires.All(el => product.Composition.PercentOf(el) > 0m);

    private static bool MatchesHs(ControlEntry entry, string? hsCode) =>
        hsCode is { Length: >= 6 } && entry.HsCodes.Any(h => h.StartsWith(hsCode, StringComparison.Ordinal) || hsCode.StartsWith(h, StringComparison.Ordinal));

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
