using Lodestone.Domain.Common;
using Lodestone.Domain.Routing;

namespace Lodestone.Domain.Veu;

/// <summary>An export as the coverage check sees it.</summary>
/// <param name="ExporterId">The Chinese exporter.</param>
/// <param name="EndUserId">The end user.</param>
/// <param name="Facility">The end user's site the goods go to; null when the application names none.</param>
/// <param name="ControlCodes">Control codes of the items.</param>
/// <param name="EndUse">Declared end-use category.</param>
/// <param name="QuantityKg">Total quantity.</param>
/// <param name="On">Filing day (China time); it picks the validity and the cap year.</param>
public sealed record VeuExport(Guid ExporterId, Guid EndUserId, string? Facility, IReadOnlyList<string> ControlCodes, EndUseCategory EndUse, decimal QuantityKg, DateOnly On);

/// <summary>Whether a VEU covers an export, and if not, every reason why not.</summary>
public sealed record VeuCoverCheck(bool Covered, IReadOnlyList<string> Gaps);

/// <summary>The scope test of the fast lane (domain.md §4.3 lane 5): exporter × end user × facility × items × use × cap × validity.</summary>
public sealed partial class VeuAuthorization
{
    /// <summary>
    /// Checks an export against this VEU, given what was already drawn from the cap in the export's
    /// calendar year. Every gap is reported, so an applicant falling out of the fast lane learns all of them.
    /// </summary>
    public VeuCoverCheck Check(VeuExport export, decimal drawnThisYearKg)
    {
        ArgumentNullException.ThrowIfNull(export);
        var gaps = new List<string>();
        if (Status != VeuStatus.Active)
        {
            gaps.Add($"{Number} {WireName.Of(Status).Replace('-', ' ')} on {StatusSince:yyyy-MM-dd}");
        }
        else if (ValidFrom > export.On || ValidUntil < export.On)
        {
            gaps.Add($"{Number} is valid from {ValidFrom:yyyy-MM-dd} to {ValidUntil:yyyy-MM-dd}, not on {export.On:yyyy-MM-dd}");
        }

        if (export.EndUserId != EndUserId)
        {
            gaps.Add($"end user not covered by {Number}");
        }

        if (!ExporterIds.Contains(export.ExporterId))
        {
            gaps.Add($"exporter not covered by {Number}");
        }

        if (string.IsNullOrWhiteSpace(export.Facility))
        {
            gaps.Add($"no facility named; {Number} covers named facilities only");
        }
        else if (!Facilities.Any(f => string.Equals(f.Name, export.Facility.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            gaps.Add($"facility not covered: '{export.Facility.Trim()}' is not among the facilities of {Number}");
        }

        gaps.AddRange(export.ControlCodes.Where(c => !CoversCode(c)).Select(c => $"item {c} not in scope of {Number}"));

        if (export.EndUse != EndUse)
        {
            gaps.Add($"end use {WireName.Of(export.EndUse)} not covered: {Number} covers {WireName.Of(EndUse)}");
        }

        var after = drawnThisYearKg + export.QuantityKg;
        if (after > AnnualCapKg)
        {
            gaps.Add($"annual cap exceeded: {Amount(after)} of {Kg(AnnualCapKg)} ({export.On.Year})");
        }

        return new VeuCoverCheck(gaps.Count == 0, gaps);
    }

    /// <summary>A scope code covers itself and its sub-entries: 1C904 covers 1C904.a.4, not 1C9041.</summary>
    public bool CoversCode(string code) => ControlCodes.Any(scope => Controls.ControlCodeScope.Covers(scope, code));
}
