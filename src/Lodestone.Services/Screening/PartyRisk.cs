using Lodestone.Domain.Common;
using Lodestone.Domain.Parties;
using Lodestone.Domain.Routing;
using Lodestone.Domain.Screening;
using Lodestone.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lodestone.Services.Screening;

/// <summary>What screening and ownership say about a set of parties, as routing and the party page need it.</summary>
/// <param name="ListHits">Direct hits of the parties, and control-list hits reached through ≥50% ownership.</param>
/// <param name="MilitaryLinked">True when a military subject, or one ≥50% owned by military parties, is among them.</param>
/// <param name="MilitaryEvidence">How each military link runs, ownership path included.</param>
/// <param name="MinorityStakes">Military owners below 50% (a red flag, not a finding).</param>
/// <param name="ListedOwnership">The control-list findings reached through ownership, with their paths (also among <paramref name="ListHits"/>).</param>
public sealed record PartyRiskFacts(IReadOnlyList<ListHit> ListHits, bool MilitaryLinked, IReadOnlyList<string> MilitaryEvidence, IReadOnlyList<string> MinorityStakes, IReadOnlyList<string> ListedOwnership);

/// <summary>
/// Derives list and military facts from the hits stored by screening and the ownership graph.
/// <list type="bullet">
/// <item>A hit counts while it is current and not cleared by an officer: an unreviewed potential match
/// already routes the case as if it were real, so a fuzzy hit delays a licence rather than lets one through.</item>
/// <item>Control-list status reaches subsidiaries owned 50% or more, alone or in aggregate along chains
/// (MOFCOM Ann. 61 (2025) for listed parties' subsidiaries; the BIS Affiliates rule is the same shape).</item>
/// <item>Military-linked: the party is in the defence sector, is on a military end-user or control list, or
/// is owned 50% or more by such parties.</item>
/// </list>
/// </summary>
public sealed class PartyRisk(LodestoneDbContext db)
{
    /// <summary>Assesses the subjects; <paramref name="militaryRoles"/> are the roles whose military ties count (end user and consignee in routing).</summary>
    public async Task<PartyRiskFacts> AssessAsync(IReadOnlyList<(string Role, Party Party)> subjects, IReadOnlySet<string>? militaryRoles, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        var graph = new OwnershipGraph(await db.Ownerships.AsNoTracking().ToListAsync(ct));
        var subjectIds = subjects.Select(s => s.Party.Id).ToHashSet();
        var ancestorIds = subjectIds.SelectMany(graph.AncestorsOf).Distinct().ToList();
        var parties = await db.Parties.AsNoTracking().Where(p => ancestorIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        foreach (var (_, party) in subjects)
        {
            parties[party.Id] = party;
        }

        var ids = parties.Keys.ToList();
        var hits = (await db.ScreeningHits.AsNoTracking()
                .Where(h => ids.Contains(h.PartyId) && h.Current && h.Review != HitReview.Cleared)
                .ToListAsync(ct))
            .OrderBy(h => h.ListId, StringComparer.Ordinal).ThenByDescending(h => h.Score)
            .ToLookup(h => h.PartyId);
        var lists = await db.RestrictedLists.AsNoTracking().ToDictionaryAsync(l => l.Id, ct);
        string NameOf(Guid id) => parties.TryGetValue(id, out var p) ? p.Name : id.ToString();
        string ListLabel(ScreeningHit h) => lists.TryGetValue(h.ListId, out var l) ? $"{l.Name} (version {l.CurrentVersion})" : h.ListId;

        var listHits = new List<ListHit>();
        foreach (var (role, party) in subjects.DistinctBy(s => (s.Role, s.Party.Id)))
        {
            foreach (var hit in hits[party.Id])
            {
                listHits.Add(new ListHit(hit.Kind, ListLabel(hit), role, Describe(party, hit)));
            }
        }

        // Control-list status through ownership: the subject is not listed itself but its listed owners
        // together hold 50% or more, directly or through chains.
        var listedOwnership = new List<string>();
        var controlSeeds = ids.Where(id => !subjectIds.Contains(id) && hits[id].Any(h => h.Kind == ListKind.Control)).ToHashSet();
        foreach (var (role, party) in subjects.DistinctBy(s => (s.Role, s.Party.Id)))
        {
            var taint = graph.Assess(party.Id, controlSeeds, NameOf);
            if (taint.Tainted && taint.Chain.Count > 0)
            {
                var listed = controlSeeds.Where(s => graph.AncestorsOf(party.Id).Contains(s))
                    .SelectMany(s => hits[s].Where(h => h.Kind == ListKind.Control).Select(h => $"{NameOf(s)} on {ListLabel(h)}"));
                var finding = $"{party.Name} is owned 50% or more by export-control-listed parties: {string.Join(" ", taint.Chain.Select(c => c.Trim()))} Listed: {string.Join("; ", listed.Distinct())}.";
                listedOwnership.Add(finding);
                listHits.Add(new ListHit(ListKind.Control, "Ownership (Ann. 61 50% rule)", role, finding));
            }
        }

        // Military ties: defence-sector parties and parties on military end-user or control lists are seeds.
        var militarySeeds = ids.Where(id => parties[id].IsDefence || hits[id].Any(h => h.Kind is ListKind.MilitaryEndUser or ListKind.Control)).ToHashSet();
        var evidence = new List<string>();
        var minority = new List<string>();
        foreach (var (role, party) in subjects.Where(s => militaryRoles is null || militaryRoles.Contains(s.Role)).DistinctBy(s => s.Party.Id))
        {
            var taint = graph.Assess(party.Id, militarySeeds, NameOf);
            if (taint.Tainted)
            {
                evidence.Add(taint.Chain.Count == 0
                    ? $"{role} {party.Name} {SeedReason(party, hits[party.Id], ListLabel)}."
                    : $"{role} {party.Name} is owned 50% or more by military users: {string.Join(" ", taint.Chain.Select(c => c.Trim()))} ({string.Join("; ", militarySeeds.Where(s => graph.AncestorsOf(party.Id).Contains(s)).Select(s => $"{NameOf(s)} {SeedReason(parties[s], hits[s], ListLabel)}"))}).");
            }

            minority.AddRange(taint.MinorityStakes.Select(m => $"{role} {party.Name}: {m}"));
        }

        return new PartyRiskFacts(listHits, evidence.Count > 0, evidence, minority, listedOwnership);
    }

    private static string Describe(Party party, ScreeningHit hit) =>
        $"{party.Name} matches '{hit.EntryName}' ({hit.ListId}/{hit.EntryId}), score {hit.Score.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}, {WireName.Of(hit.Review)}.";

    private static string SeedReason(Party party, IEnumerable<ScreeningHit> hits, Func<ScreeningHit, string> label)
    {
        var reasons = new List<string>();
        if (party.IsDefence)
        {
            reasons.Add("is a defence firm (military user)");
        }

        reasons.AddRange(hits.Where(h => h.Kind is ListKind.MilitaryEndUser or ListKind.Control)
            .Select(h => $"is on {label(h)} as '{h.EntryName}'"));
        return string.Join(" and ", reasons);
    }
}
