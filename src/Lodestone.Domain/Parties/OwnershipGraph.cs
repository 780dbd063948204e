using System.Globalization;

namespace Lodestone.Domain.Parties;

/// <summary>
/// Who owns whom. Answers the question the 50% rules ask: is a party owned 50% or more, directly or
/// indirectly, alone or in aggregate, by parties of a given kind?
/// </summary>
/// <remarks>
/// Follows the BIS affiliates rule (90 FR 47201, 29 Sep 2025) and OFAC's 50% guidance, which Ann. 61 (2025)
/// mirrors for "≥50%-owned subsidiaries": a party owned ≥50% by a tainted party is itself tainted, and
/// taint passes down chains of such holdings. Shares are not multiplied along a chain: if A holds 60% of
/// B and B holds 60% of C, C is caught although A's look-through share is only 36%.
/// </remarks>
public sealed class OwnershipGraph
{
    /// <summary>The threshold of the 50% rules.</summary>
    public const decimal ControlThreshold = 50m;

    private readonly ILookup<Guid, Ownership> _ownersOf;

    /// <summary>Builds the graph from direct edges.</summary>
    public OwnershipGraph(IEnumerable<Ownership> edges)
    {
        _ownersOf = edges.ToLookup(e => e.OwnedId);
    }

    /// <summary>Direct owners of a party.</summary>
    public IEnumerable<Ownership> OwnersOf(Guid partyId) => _ownersOf[partyId];

    /// <summary>Every party above <paramref name="partyId"/> in the ownership chain, nearest first.</summary>
    public IReadOnlyList<Guid> AncestorsOf(Guid partyId)
    {
        var seen = new HashSet<Guid> { partyId };
        var order = new List<Guid>();
        var queue = new Queue<Guid>([partyId]);
        while (queue.Count > 0)
        {
            foreach (var edge in _ownersOf[queue.Dequeue()])
            {
                if (seen.Add(edge.OwnerId))
                {
                    order.Add(edge.OwnerId);
                    queue.Enqueue(edge.OwnerId);
                }
            }
        }

        return order;
    }

    /// <summary>
    /// Spreads taint from <paramref name="seeds"/> (e.g. defence firms, or listed parties) down through
    /// holdings that reach the threshold in aggregate. Only the ancestors of <paramref name="subject"/>
    /// are examined, so the cost is bounded by the size of its ownership tree.
    /// </summary>
    /// <returns>The finding for <paramref name="subject"/>.</returns>
    public OwnershipTaint Assess(Guid subject, IReadOnlySet<Guid> seeds, Func<Guid, string> nameOf)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        ArgumentNullException.ThrowIfNull(nameOf);
        if (seeds.Contains(subject))
        {
            return new OwnershipTaint(true, [], []);
        }

        var relevant = AncestorsOf(subject).Append(subject).ToHashSet();
        var tainted = new Dictionary<Guid, IReadOnlyList<Ownership>>();
        foreach (var seed in seeds.Where(relevant.Contains))
        {
            tainted[seed] = [];
        }

        // Fixpoint: a party becomes tainted once its tainted owners together hold ≥ 50%.
        bool changed;
        do
        {
            changed = false;
            foreach (var party in relevant.Where(p => !tainted.ContainsKey(p)))
            {
                var taintedOwners = _ownersOf[party].Where(e => tainted.ContainsKey(e.OwnerId)).ToList();
                if (taintedOwners.Sum(e => e.Percent) >= ControlThreshold)
                {
                    tainted[party] = taintedOwners;
                    changed = true;
                }
            }
        }
        while (changed);

        if (tainted.TryGetValue(subject, out var direct))
        {
            return new OwnershipTaint(true, Explain(subject, direct, tainted, nameOf), []);
        }

        var minority = _ownersOf[subject]
            .Where(e => tainted.ContainsKey(e.OwnerId))
            .Select(e => $"{nameOf(e.OwnerId)} holds {Percent(e.Percent)} (below the 50% threshold)")
            .ToList();
        return new OwnershipTaint(false, [], minority);
    }

    private static List<string> Explain(Guid subject, IReadOnlyList<Ownership> owners, Dictionary<Guid, IReadOnlyList<Ownership>> tainted, Func<Guid, string> nameOf)
    {
        var lines = new List<string>();
        var visited = new HashSet<Guid> { subject };
        void Walk(Guid party, IReadOnlyList<Ownership> edges, int depth)
        {
            foreach (var edge in edges.OrderByDescending(e => e.Percent))
            {
                var isSeed = tainted[edge.OwnerId].Count == 0;
                lines.Add($"{new string(' ', depth * 2)}{nameOf(party)} is {Percent(edge.Percent)} owned by {nameOf(edge.OwnerId)}{(isSeed ? string.Empty : ",")}");
                if (!isSeed && visited.Add(edge.OwnerId))
                {
                    Walk(edge.OwnerId, tainted[edge.OwnerId], depth + 1);
                }
            }
        }

        Walk(subject, owners, 0);
        return lines;
    }

    private static string Percent(decimal p) => p.ToString("0.##", CultureInfo.InvariantCulture) + "%";
}

/// <summary>The result of an ownership assessment.</summary>
/// <param name="Tainted">True when the subject is a seed or ≥50% owned by tainted parties.</param>
/// <param name="Chain">How the taint reaches the subject, one holding per line.</param>
/// <param name="MinorityStakes">Tainted owners below the threshold: a red flag, not a finding.</param>
public sealed record OwnershipTaint(bool Tainted, IReadOnlyList<string> Chain, IReadOnlyList<string> MinorityStakes);
