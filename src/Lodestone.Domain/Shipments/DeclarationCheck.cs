using System.Globalization;
using Lodestone.Domain.Controls;
using Lodestone.Domain.Licences;
using Lodestone.Domain.Veu;

namespace Lodestone.Domain.Shipments;

/// <summary>What the checks decided, and every reason behind it.</summary>
public sealed record DeclarationOutcome(ShipmentStatus Status, IReadOnlyList<string> Reasons);

/// <summary>
/// The checks customs runs on a declaration (Dual-Use Items Regulations art. 18, 21–22). Pure: the same
/// declaration and authorisation always give the same outcome.
/// <list type="bullet">
/// <item><b>Refused</b>: the cited licence or VEU does not exist, is not in force on the date, or does not
/// cover the parties, destination or items. Exporting outside a licence's scope is an offence (art. 39).</item>
/// <item><b>Held</b>: the goods may be lawful but customs cannot tell, so they wait for an officer (art.
/// 21–22): controlled composition without an authorisation, composition evidence missing (HS 8505.11 is one
/// code for every rare-earth magnet), or a quantity or value beyond the balance left.</item>
/// <item><b>Released</b> otherwise; the caller then draws the balance.</item>
/// </list>
/// </summary>
public static class DeclarationCheck
{
    /// <summary>The HS subheading that covers every rare-earth permanent magnet (domain.md §1.7).</summary>
    public const string RareEarthMagnetHs = "8505.11";

    /// <summary>Checks a declaration citing a licence (<paramref name="licence"/> null when the number matches none).</summary>
    public static DeclarationOutcome AgainstLicence(ShipmentDeclaration declaration, Licence? licence)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        var refusals = new List<string>();
        var holds = EvidenceHolds(declaration);
        if (licence is null)
        {
            refusals.Add($"Licence {declaration.LicenceNumber} does not exist.");
            return Decide(refusals, holds, []);
        }

        if (licence.WhyNotUsable(declaration.DeclaredOn) is { } notUsable)
        {
            refusals.Add(notUsable);
        }

        Mismatch(refusals, declaration.ExporterId != licence.ExporterId, $"Licence {licence.Number} is held by another exporter.");
        Mismatch(refusals, declaration.ConsigneeId != licence.ConsigneeId, $"The consignee is not the one licensed on {licence.Number}.");
        Mismatch(refusals, declaration.EndUserId != licence.EndUserId, $"The end user is not the one licensed on {licence.Number}.");
        Mismatch(refusals, declaration.Destination != licence.Destination, $"Destination {declaration.Destination} is not the licensed destination {licence.Destination}.");
        Mismatch(refusals, !string.Equals(declaration.Currency, licence.Currency, StringComparison.Ordinal), $"Values are declared in {declaration.Currency}; licence {licence.Number} counts its value in {licence.Currency}.");
        var licensed = licence.Items.SelectMany(i => i.ControlCodes).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var code in declaration.Items.SelectMany(i => i.ControlCodes).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            Mismatch(refusals, !licensed.Any(l => Covers(l, code)), $"{code} is not among the items licensed on {licence.Number} ({(licensed.Count == 0 ? "none controlled" : string.Join(", ", licensed))}).");
        }

        if (licence.WhyBalanceShort(declaration.QuantityKg, declaration.Value) is { } balance)
        {
            holds.Add(balance);
        }

        return Decide(refusals, holds, [$"Drawn from licence {licence.Number}: {Amount(declaration.QuantityKg)} kg, {declaration.Currency} {Amount(declaration.Value)}; {Amount(licence.RemainingKg - declaration.QuantityKg)} kg left."]);
    }

    /// <summary>
    /// Checks a declaration citing a VEU (<paramref name="veu"/> null when the number matches none), given
    /// what the declaration's calendar year has already drawn from the VEU's cap.
    /// </summary>
    public static DeclarationOutcome AgainstVeu(ShipmentDeclaration declaration, VeuAuthorization? veu, decimal drawnThisYearKg)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        var refusals = new List<string>();
        var holds = EvidenceHolds(declaration);
        if (veu is null)
        {
            refusals.Add($"VEU {declaration.VeuNumber} does not exist.");
            return Decide(refusals, holds, []);
        }

        // The cap is checked on its own below (a shortfall holds the goods, it does not refuse them); the
        // end use is the end user's commitment under the VEU, which a customs declaration does not restate.
        var codes = declaration.Items.SelectMany(i => i.ControlCodes).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var export = new VeuExport(declaration.ExporterId, declaration.EndUserId, declaration.Facility, codes, veu.EndUse, 0m, declaration.DeclaredOn);
        refusals.AddRange(veu.Check(export, 0m).Gaps.Select(g => Sentence($"Not covered by the VEU: {g}")));
        var facility = veu.Facilities.FirstOrDefault(f => string.Equals(f.Name, declaration.Facility?.Trim(), StringComparison.OrdinalIgnoreCase));
        Mismatch(refusals, facility is not null && facility.Country != declaration.Destination, $"Destination {declaration.Destination} is not the country of facility '{facility?.Name}' ({facility?.Country}).");

        var after = drawnThisYearKg + declaration.QuantityKg;
        if (after > veu.AnnualCapKg)
        {
            holds.Add($"Beyond the annual cap of {veu.Number}: {Amount(after)} of {VeuAuthorization.Kg(veu.AnnualCapKg)} ({declaration.DeclaredOn.Year}).");
        }

        return Decide(refusals, holds, [$"Drawn from the {declaration.DeclaredOn.Year} cap of {veu.Number}: {Amount(declaration.QuantityKg)} kg; {Amount(veu.AnnualCapKg - after)} kg left."]);
    }

    /// <summary>Checks a declaration citing no authorisation: uncontrolled goods go; controlled or unsettled ones are held.</summary>
    public static DeclarationOutcome WithoutAuthorisation(ShipmentDeclaration declaration)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        var holds = EvidenceHolds(declaration);
        foreach (var (item, i) in declaration.Items.Select((item, i) => (item, i)).Where(x => x.item.ControlCodes.Count > 0))
        {
            holds.Add($"Item {i + 1} (HS {item.Product.HsCode}) has a controlled composition ({string.Join(", ", item.ControlCodes)}) but no licence or VEU is cited.");
        }

        return Decide([], holds, ["No controlled item: no licence needed."]);
    }

    /// <summary>A scope code covers itself and its sub-entries (see <see cref="ControlCodeScope.Covers"/>).</summary>
    public static bool Covers(string scope, string code) => ControlCodeScope.Covers(scope, code);

    private static List<string> EvidenceHolds(ShipmentDeclaration declaration)
    {
        var holds = new List<string>();
        foreach (var (item, i) in declaration.Items.Select((item, i) => (item, i)).Where(x => x.item.MissingEvidence.Count > 0))
        {
            var hs = item.Product.HsCode ?? string.Empty;
            holds.Add(hs.Replace(".", string.Empty, StringComparison.Ordinal).StartsWith("850511", StringComparison.Ordinal)
                ? $"Item {i + 1}: HS {RareEarthMagnetHs} magnets declared without composition evidence; customs has one code for all rare-earth magnets, so a test report must show whether they contain controlled elements."
                : $"Item {i + 1} (HS {hs}): {string.Join(" ", item.MissingEvidence)}");
        }

        return holds;
    }

    private static DeclarationOutcome Decide(List<string> refusals, List<string> holds, IReadOnlyList<string> released) =>
        refusals.Count > 0 ? new DeclarationOutcome(ShipmentStatus.Refused, [.. refusals, .. holds])
        : holds.Count > 0 ? new DeclarationOutcome(ShipmentStatus.Held, holds)
        : new DeclarationOutcome(ShipmentStatus.Released, released);

    private static void Mismatch(List<string> refusals, bool mismatch, string reason)
    {
        if (mismatch)
        {
            refusals.Add(reason);
        }
    }

    private static string Sentence(string s) => s.EndsWith('.') ? s : s + ".";

    private static string Amount(decimal v) => v.ToString("#,0.###", CultureInfo.InvariantCulture);
}
