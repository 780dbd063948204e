using Lodestone.Domain.Applications;
using Lodestone.Domain.Common;
using Lodestone.Domain.Parties;
using Lodestone.Domain.Routing;
using Lodestone.Services.Screening;

namespace Lodestone.Services.Facts;

/// <summary>
/// Gathers the facts the policy looks at: classification of the items, missing evidence, military ties
/// and list hits (direct and through ownership) and VEU cover. Reads the database; the policy itself never does.
/// </summary>
public sealed class RoutingFactsBuilder(PartyRisk risks, IVeuCoverage veu)
{
    private static readonly IReadOnlySet<string> MilitaryRoles = new HashSet<string>(StringComparer.Ordinal) { "end-user", "consignee" };

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

        // Military ties count for the receiving side (end user and consignee); list hits for every party.
        var subjects = new List<(string Role, Party Party)> { ("exporter", exporter), ("consignee", consignee), ("end-user", endUser) };
        var risk = await risks.AssessAsync(subjects, MilitaryRoles, ct);
        var cover = await veu.CoverAsync(draft, codes, asOf, ct);
        if (cover.VeuId is not null && (risk.ListHits.Count > 0 || risk.MilitaryLinked))
        {
            // The fast lane needs clean screening (domain.md §4.3 lane 5): any hit not cleared by an officer,
            // even on an informational foreign list, sends the export to review.
            var hits = risk.ListHits.Select(h => $"{h.PartyRole}: {h.ListName}").Distinct().ToList();
            cover = new VeuCoverFacts(null, null, [$"screening not clean for {cover.Number}: {(hits.Count > 0 ? string.Join("; ", hits) : "military-linked")}"]);
        }

        return new RoutingFacts
        {
            Channel = draft.Channel,
            ItemControlled = controlled,
            ControlCodes = codes,
            Destination = draft.Destination,
            EndUse = draft.EndUse.Category,
            EndUserSectors = endUser.Sectors,
            ListHits = risk.ListHits,
            MilitaryLinked = risk.MilitaryLinked,
            MilitaryEvidence = risk.MilitaryEvidence,
            MilitaryMinorityStakes = risk.MinorityStakes,
            VeuCover = cover.Number,
            VeuCoverId = cover.VeuId,
            VeuGaps = cover.Gaps,
            MissingEvidence = missing,
            QuantityKg = draft.Items.Sum(i => i.QuantityKg),
        };
    }
}
