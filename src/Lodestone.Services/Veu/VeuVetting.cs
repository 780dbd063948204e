using Lodestone.Domain.Common;
using Lodestone.Domain.Parties;
using Lodestone.Domain.Routing;
using Lodestone.Domain.Screening;
using Lodestone.Domain.Veu;
using Lodestone.Persistence;
using Lodestone.Screening.Matching;
using Lodestone.Services.Screening;
using Microsoft.EntityFrameworkCore;

namespace Lodestone.Services.Veu;

/// <summary>
/// What vetting attaches to a VEU: the screening of the end user, its facilities, every owner up its chain
/// and the exporters. A listed or military-linked end user (directly or through ≥50% ownership) is a
/// blocking finding; the committee cannot grant it (domain.md §1.5: firms tied to the military are hindered).
/// </summary>
public sealed class VeuVetting(LodestoneDbContext db, PartyRisk risks, ScreeningIndexCache cache, TimeProvider time)
{
    /// <summary>Hits of these kinds on the end user make it ineligible; external (foreign) lists are shown to the committee but do not block.</summary>
    private static readonly HashSet<ListKind> Blocking = new HashSet<ListKind> { ListKind.Control, ListKind.Watch, ListKind.UnreliableEntity, ListKind.MilitaryEndUser };

    private const string EndUserRole = "end-user";

    public async Task<IReadOnlyList<VettingFinding>> VetAsync(VeuAuthorization veu, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(veu);
        var ids = veu.ExporterIds.Append(veu.EndUserId).ToList();
        var graph = new OwnershipGraph(await db.Ownerships.AsNoTracking().ToListAsync(ct));
        var owners = graph.AncestorsOf(veu.EndUserId);
        var parties = await db.Parties.AsNoTracking().Where(p => ids.Contains(p.Id) || owners.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var endUser = parties.GetValueOrDefault(veu.EndUserId) ?? throw new NotFoundException("endUserId", $"End user {veu.EndUserId} does not exist.");
        var subjects = new List<(string Role, Party Party)> { (EndUserRole, endUser) };
        subjects.AddRange(owners.Where(parties.ContainsKey).Select(o => ("owner", parties[o])));
        subjects.AddRange(veu.ExporterIds.Where(parties.ContainsKey).Select(e => ("exporter", parties[e])));
        var risk = await risks.AssessAsync(subjects, new HashSet<string>(StringComparer.Ordinal) { EndUserRole }, ct);

        var findings = new List<VettingFinding>();
        foreach (var hit in risk.ListHits)
        {
            var blocking = hit.PartyRole == EndUserRole && Blocking.Contains(hit.Kind);
            findings.Add(new VettingFinding(hit.PartyRole, $"{hit.Detail} ({WireName.Of(hit.Kind)}: {hit.ListName})", blocking));
        }

        // Ann. 61's rule and the BIS affiliates rule: a party owned 50% or more (alone, in aggregate or down a
        // chain) by listed parties shares their status, whatever the list kind that bars a grant.
        var listedOwners = (await db.ScreeningHits.AsNoTracking()
                .Where(h => owners.Contains(h.PartyId) && h.Current && h.Review != HitReview.Cleared)
                .Select(h => new { h.PartyId, h.Kind })
                .ToListAsync(ct))
            .Where(h => Blocking.Contains(h.Kind) && h.Kind != ListKind.Control) // control-list ownership comes from PartyRisk
            .Select(h => h.PartyId).ToHashSet();
        if (listedOwners.Count > 0)
        {
            var taint = graph.Assess(veu.EndUserId, listedOwners, id => parties.TryGetValue(id, out var p) ? p.Name : id.ToString());
            if (taint.Tainted)
            {
                findings.Add(new VettingFinding(EndUserRole, $"Owned 50% or more by listed parties: {string.Join(" ", taint.Chain.Select(c => c.Trim()))}", true));
            }
        }

        findings.AddRange(risk.MilitaryEvidence.Select(e => new VettingFinding(EndUserRole, $"Military-linked: {e}", true)));
        findings.AddRange(risk.MinorityStakes.Select(s => new VettingFinding("owner", $"Minority military stake (a red flag, not a bar): {s}", false)));
        findings.AddRange(await ScreenFacilitiesAsync(veu, ct));

        var screened = $"Screened: end user {endUser.Name}; {owners.Count} owner(s) up the chain{(owners.Count > 0 ? $" ({string.Join(", ", owners.Where(parties.ContainsKey).Select(o => parties[o].Name))})" : string.Empty)}; {veu.Facilities.Count} facility(ies); {veu.ExporterIds.Count} exporter(s).";
        findings.Insert(0, new VettingFinding("screening", findings.Count == 0 ? $"{screened} No list hits." : screened, false));
        return findings;
    }

    private async Task<IEnumerable<VettingFinding>> ScreenFacilitiesAsync(VeuAuthorization veu, CancellationToken ct)
    {
        var snapshot = await cache.GetAsync(db, ct);
        var today = ChinaTime.DateOf(time.GetUtcNow());
        var findings = new List<VettingFinding>();
        foreach (var facility in veu.Facilities)
        {
            foreach (var match in snapshot.Index.Screen(new ScreeningQuery(facility.Name, facility.Country.Value), ScreeningOptions.Default with { Limit = 5 }))
            {
                var key = (match.ListId, match.EntryId);
                if (!snapshot.Entries.TryGetValue(key, out var entry) || !EntryMapping.ToEntry(entry).InForceOn(today) || !snapshot.Lists.TryGetValue(match.ListId, out var list))
                {
                    continue;
                }

                findings.Add(new VettingFinding(
                    $"facility {facility.Name}",
                    $"Matches {entry.Name} on {list.Name} ({WireName.Of(list.Kind)}), score {match.Score:0.00}: {match.Explanation.Summary}",
                    Blocking.Contains(list.Kind)));
            }
        }

        return findings;
    }
}
