using Lodestone.Domain.Applications;
using Lodestone.Domain.Veu;
using Lodestone.Persistence;
using Lodestone.Services.Facts;
using Microsoft.EntityFrameworkCore;

namespace Lodestone.Services.Veu;

/// <summary>
/// Looks up the end user's VEUs for an export and checks each against it (domain.md §4.3 lane 5). A VEU
/// that covers the export wins; otherwise the gaps of the closest one are reported, so the application
/// says why it left the fast lane.
/// </summary>
public sealed class VeuCoverageService(LodestoneDbContext db) : IVeuCoverage
{
    // Applications still being decided, or refused, say nothing about an export.
    private static readonly VeuStatus[] Granted = [VeuStatus.Active, VeuStatus.UnderReview, VeuStatus.Suspended, VeuStatus.Revoked, VeuStatus.Expired];

    public async Task<VeuCoverFacts> CoverAsync(ApplicationDraft draft, IReadOnlyList<string> controlCodes, DateOnly asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(controlCodes);
        if (controlCodes.Count == 0)
        {
            return VeuCoverFacts.None; // nothing controlled, nothing to cover
        }

        var veus = await db.VeuAuthorizations.AsNoTracking()
            .Where(v => v.EndUserId == draft.EndUserId && Granted.Contains(v.Status))
            .ToListAsync(cancellationToken);
        if (veus.Count == 0)
        {
            return VeuCoverFacts.None;
        }

        var ids = veus.Select(v => v.Id).ToList();
        var drawn = await db.VeuCapYears.AsNoTracking()
            .Where(c => ids.Contains(c.VeuId) && c.Year == asOf.Year)
            .ToDictionaryAsync(c => c.VeuId, c => c.DrawnKg, cancellationToken);
        var export = new VeuExport(draft.ExporterId, draft.EndUserId, draft.Facility, controlCodes, draft.EndUse.Category, draft.Items.Sum(i => i.QuantityKg), asOf);
        var checks = veus
            .Select(v => (Veu: v, Check: v.Check(export, drawn.GetValueOrDefault(v.Id))))
            .OrderBy(c => c.Check.Gaps.Count)
            .ThenByDescending(c => c.Veu.Status == VeuStatus.Active)
            .ThenByDescending(c => c.Veu.ValidUntil)
            .ToList();
        var best = checks[0];
        return best.Check.Covered
            ? new VeuCoverFacts(best.Veu.Id, best.Veu.Number, [])
            : new VeuCoverFacts(null, null, best.Check.Gaps);
    }
}
