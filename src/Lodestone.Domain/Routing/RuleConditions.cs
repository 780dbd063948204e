using Lodestone.Domain.Applications;
using Lodestone.Domain.Common;
using Lodestone.Domain.Parties;

namespace Lodestone.Domain.Routing;

/// <summary>
/// The fixed vocabulary a policy rule may test. Every condition that is set must hold (AND); a list
/// condition holds when any of its values matches (OR). A rule with no conditions matches everything.
/// </summary>
public sealed record RuleConditions
{
    /// <summary>Whether any item is controlled.</summary>
    public bool? ItemControlled { get; init; }

    /// <summary>Control-code prefixes (e.g. <c>1C904</c>); holds when any item's code starts with one.</summary>
    public IReadOnlyList<string>? ControlCodes { get; init; }

    /// <summary>Destination countries.</summary>
    public IReadOnlyList<CountryCode>? Destinations { get; init; }

    /// <summary>End-use categories.</summary>
    public IReadOnlyList<EndUseCategory>? EndUses { get; init; }

    /// <summary>End-user sectors.</summary>
    public IReadOnlyList<Sector>? EndUserSectors { get; init; }

    /// <summary>Kinds of list hit.</summary>
    public IReadOnlyList<ListKind>? ListHits { get; init; }

    /// <summary>Whether a party is military-linked.</summary>
    public bool? MilitaryLinked { get; init; }

    /// <summary>Whether a military owner holds a stake below 50%.</summary>
    public bool? MilitaryMinorityStake { get; init; }

    /// <summary>Whether an active VEU covers the application.</summary>
    public bool? VeuCover { get; init; }

    /// <summary>Whether evidence is missing.</summary>
    public bool? MissingEvidence { get; init; }

    /// <summary>Channels applied for.</summary>
    public IReadOnlyList<Channel>? Channels { get; init; }

    /// <summary>True when no condition is set.</summary>
    public bool IsEmpty =>
        ItemControlled is null && ControlCodes is null && Destinations is null && EndUses is null && EndUserSectors is null
        && ListHits is null && MilitaryLinked is null && MilitaryMinorityStake is null && VeuCover is null
        && MissingEvidence is null && Channels is null;

    /// <summary>Tests the conditions; on a match, returns the facts that made it, for the decision's reasons.</summary>
    public bool Matches(RoutingFacts facts, out IReadOnlyList<string> evidence)
    {
        var found = new List<string>();
        evidence = found;
        return Test(facts, found);
    }

    /// <summary>Tests the conditions without gathering evidence (a what-if replay of a million applications needs only the lane).</summary>
    public bool Holds(RoutingFacts facts) => Test(facts, null);

    /// <summary>True when both rules test exactly the same conditions (for telling a changed rule from an unchanged one).</summary>
    public bool SameAs(RuleConditions other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return ItemControlled == other.ItemControlled && MilitaryLinked == other.MilitaryLinked
            && MilitaryMinorityStake == other.MilitaryMinorityStake && VeuCover == other.VeuCover
            && MissingEvidence == other.MissingEvidence
            && SameSet(ControlCodes, other.ControlCodes) && SameSet(Destinations, other.Destinations)
            && SameSet(EndUses, other.EndUses) && SameSet(EndUserSectors, other.EndUserSectors)
            && SameSet(ListHits, other.ListHits) && SameSet(Channels, other.Channels);
    }

    private static bool SameSet<T>(IReadOnlyList<T>? a, IReadOnlyList<T>? b) =>
        a is null || b is null ? a is null && b is null : a.ToHashSet().SetEquals(b);

    private bool Test(RoutingFacts facts, List<string>? found)
    {
        ArgumentNullException.ThrowIfNull(facts);

        if (ItemControlled is { } controlled)
        {
            if (facts.ItemControlled != controlled)
            {
                return false;
            }

            found?.Add(controlled
                ? $"Controlled items: {string.Join(", ", facts.ControlCodes)}."
                : "No item falls under an entry of the control list in force.");
        }

        if (ControlCodes is not null)
        {
            var hit = facts.ControlCodes.Where(c => ControlCodes.Any(p => c.StartsWith(p, StringComparison.OrdinalIgnoreCase))).ToList();
            if (hit.Count == 0)
            {
                return false;
            }

            found?.Add($"Items under {string.Join(", ", hit)}.");
        }

        if (Destinations is not null)
        {
            if (!Destinations.Contains(facts.Destination))
            {
                return false;
            }

            found?.Add($"Destination {facts.Destination}.");
        }

        if (EndUses is not null)
        {
            if (!EndUses.Contains(facts.EndUse))
            {
                return false;
            }

            found?.Add($"Declared end use: {WireName.Of(facts.EndUse)}.");
        }

        if (EndUserSectors is not null)
        {
            var sectors = facts.EndUserSectors.Intersect(EndUserSectors).ToList();
            if (sectors.Count == 0)
            {
                return false;
            }

            found?.Add($"End user's sectors include {string.Join(", ", sectors.Select(s => WireName.Of(s)))}.");
        }

        if (ListHits is not null)
        {
            var hits = facts.ListHits.Where(h => ListHits.Contains(h.Kind)).ToList();
            if (hits.Count == 0)
            {
                return false;
            }

            found?.AddRange(hits.Select(h => $"{h.PartyRole} on {h.ListName}: {h.Detail}"));
        }

        if (MilitaryLinked is { } military)
        {
            if (facts.MilitaryLinked != military)
            {
                return false;
            }

            if (military)
            {
                found?.AddRange(facts.MilitaryEvidence);
            }
        }

        if (MilitaryMinorityStake is { } minority)
        {
            if (facts.MilitaryMinorityStakes.Count > 0 != minority)
            {
                return false;
            }

            if (minority)
            {
                found?.AddRange(facts.MilitaryMinorityStakes.Select(s => $"Minority military stake: {s}."));
            }
        }

        if (VeuCover is { } veu)
        {
            if (facts.VeuCover is not null != veu)
            {
                return false;
            }

            if (veu)
            {
                found?.Add($"Covered by {facts.VeuCover}.");
            }
        }

        if (MissingEvidence is { } missing)
        {
            if (facts.MissingEvidence.Count > 0 != missing)
            {
                return false;
            }

            if (missing)
            {
                found?.AddRange(facts.MissingEvidence);
            }
        }

        if (Channels is not null)
        {
            if (!Channels.Contains(facts.Channel))
            {
                return false;
            }

            found?.Add($"Channel: {WireName.Of(facts.Channel)}.");
        }

        return true;
    }
}
