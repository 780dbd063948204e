using Lodestone.Domain.Applications;
using Lodestone.Domain.Common;
using Lodestone.Domain.Parties;
using Lodestone.Domain.Routing;
using Lodestone.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lodestone.Services.Facts;

/// <summary>
/// Gathers the facts the policy looks at: classification of the items, missing evidence, military ties
/// through ownership, list hits and VEU cover. Reads the database; the policy itself never does.
/// </summary>
public sealed class RoutingFactsBuilder(LodestoneDbContext db, IListScreening screening, IVeuCoverage veu)
{
    public async Task<RoutingFacts> BuildAsync(ApplicationDraft draft, Party exporter, Party consignee, Party endUser, DateOnly asOf, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(endUser);
        ArgumentNullException.ThrowIfNull(consignee);
        var codes = draft.Items.SelectMany(i => i.ControlCodes).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var controlled = codes.Count > 0;
        var compositionGaps = draft.Items.SelectMany((item, i) => item.MissingEvidence.Select(m => $"Item {i + 1}: {m}")).ToList();
        var missing = new List<string>(compositionGaps);

        // Documents matter only when a licence may be needed at all.
        if (controlled || compositionGaps.Count > 0)
        {
            missing.AddRange(LicenceApplication.MissingDocuments(draft.Channel, draft.Documents)
                .Select(d => $"Missing document (art. 16): {WireName.Of(d)}."));
        }

        var military = await MilitaryTiesAsync([("End user", endUser), ("Consignee", consignee)], ct);
        var screened = new List<ScreenedParty> { new("exporter", exporter), new("consignee", consignee), new("end-user", endUser) };
        var hits = await screening.HitsAsync(screened, asOf, ct);
        var cover = await veu.CoverAsync(draft, codes, asOf, ct);

        return new RoutingFacts
        {
            Channel = draft.Channel,
            ItemControlled = controlled,
            ControlCodes = codes,
            Destination = draft.Destination,
            EndUse = draft.EndUse.Category,
            EndUserSectors = endUser.Sectors,
            ListHits = hits,
            MilitaryLinked = military.Linked,
            MilitaryEvidence = military.Evidence,
            MilitaryMinorityStakes = military.MinorityStakes,
            VeuCover = cover,
            MissingEvidence = missing,
        };
    }

    /// <summary>Military ties of parties: a defence-sector party, or one ≥50% owned by defence parties.</summary>
    public async Task<(bool Linked, IReadOnlyList<string> Evidence, IReadOnlyList<string> MinorityStakes)> MilitaryTiesAsync(
        IReadOnlyList<(string Role, Party Party)> subjects, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        var graph = new OwnershipGraph(await db.Ownerships.AsNoTracking().ToListAsync(ct));
        var ancestorIds = subjects.SelectMany(s => graph.AncestorsOf(s.Party.Id)).Distinct().ToList();
        var ancestors = await db.Parties.AsNoTracking().Where(p => ancestorIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        foreach (var (_, party) in subjects)
        {
            ancestors[party.Id] = party;
        }

        var seeds = ancestors.Values.Where(p => p.IsDefence).Select(p => p.Id).ToHashSet();
        var evidence = new List<string>();
        var minority = new List<string>();
        foreach (var (role, party) in subjects.DistinctBy(s => s.Party.Id))
        {
            var taint = graph.Assess(party.Id, seeds, id => ancestors.TryGetValue(id, out var p) ? p.Name : id.ToString());
            if (taint.Tainted)
            {
                evidence.Add(taint.Chain.Count == 0
                    ? $"{role} {party.Name} is a defence firm (military user)."
                    : $"{role} {party.Name} is owned 50% or more by military users: {string.Join(" ", taint.Chain.Select(c => c.Trim()))}");
            }

            minority.AddRange(taint.MinorityStakes.Select(m => $"{role} {party.Name}: {m}"));
        }

        return (evidence.Count > 0, evidence, minority);
    }
}
