using Lodestone.Domain.Common;
using Lodestone.Domain.Routing;

namespace Lodestone.Domain.Analytics;

/// <summary>
/// Replays historical applications through a draft policy. Each application is evaluated on the facts it
/// was routed on (parties, list hits, ownership, VEU cover as they stood at filing), so the replay is a pure
/// function of those facts and the two policies: the same history and draft always give the same result.
/// Feed cases with <see cref="Add"/> (a million need not be held in memory) and read <see cref="Result"/>.
/// </summary>
public sealed class PolicyReplay
{
    private const int LaneCount = 7;
    private readonly RoutingPolicy? _draft;
    private readonly Func<ReplayCase, RoutingPolicy?> _inForce;
    private readonly int _maxFlips;
    private readonly Dictionary<(DateOnly Month, string Destination), CellTally> _cells = [];
    private readonly Dictionary<(Lane From, Lane To), (int Count, decimal Kg)> _shifts = [];
    private readonly SortedSet<LaneFlip> _flips = new(FilingOrder.Instance);
    private readonly decimal[] _approvedKgByLane = new decimal[LaneCount];
    private readonly decimal[] _deniedKgByLane = new decimal[LaneCount];
    private readonly HashSet<string> _unknownVersions = new(StringComparer.Ordinal);
    private int _replayed;
    private int _flipped;

    /// <param name="draft">The policy to replay under; null replays each application under the version it was routed by (which must reproduce every lane).</param>
    /// <param name="inForce">The policy that routed a case, or null when its text is not recorded.</param>
    /// <param name="maxFlips">How many flipped applications to list (all are counted).</param>
    public PolicyReplay(RoutingPolicy? draft, Func<ReplayCase, RoutingPolicy?> inForce, int maxFlips = 1000)
    {
        ArgumentNullException.ThrowIfNull(inForce);
        ArgumentOutOfRangeException.ThrowIfNegative(maxFlips);
        _draft = draft;
        _inForce = inForce;
        _maxFlips = maxFlips;
    }

    /// <summary>Replays one application.</summary>
    public void Add(ReplayCase item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var historical = _inForce(item);
        var policy = _draft ?? historical;
        if (policy is null)
        {
            // Without its policy text an application cannot be reproduced; it is reported, not guessed.
            _unknownVersions.Add(item.PolicyVersion);
            return;
        }

        _replayed++;
        var rule = policy.FirstMatch(item.Facts);
        var kg = item.Facts.QuantityKg;
        var cell = Cell(item);
        cell.Historical[(int)item.Lane]++;
        cell.Draft[(int)rule.Lane]++;

        var approvedBefore = item.Outcome is HistoricalOutcome.Approved or HistoricalOutcome.NotRequired ? kg : 0m;
        cell.ApprovedKg += approvedBefore;
        if (item.Outcome == HistoricalOutcome.Approved)
        {
            _approvedKgByLane[(int)item.Lane] += kg;
        }
        else if (item.Outcome == HistoricalOutcome.Denied)
        {
            _deniedKgByLane[(int)item.Lane] += kg;
        }

        if (rule.Lane == item.Lane)
        {
            // Same lane: what happened is the best guess of what would happen.
            cell.DraftApprovedKg += approvedBefore;
            return;
        }

        _flipped++;
        cell.Flipped++;
        cell.FlippedInKg[(int)rule.Lane] += kg;
        var key = (item.Lane, rule.Lane);
        var shift = _shifts.GetValueOrDefault(key);
        _shifts[key] = (shift.Count + 1, shift.Kg + kg);
        // Keep the earliest filings, whatever order the history arrives in, so a capped list is deterministic.
        if (_maxFlips == 0 || (_flips.Count == _maxFlips && FilingOrder.Compare(item.FiledOn, item.Number, item.Id, _flips.Max!) > 0))
        {
            return;
        }

        var (deciding, why) = Explain(rule, item.RuleId, historical, policy);
        _flips.Add(new LaneFlip(item.Id, item.Number, item.FiledOn, item.Destination, kg, item.Lane, item.RuleId, rule.Lane, rule.Id, deciding, why));
        if (_flips.Count > _maxFlips)
        {
            _flips.Remove(_flips.Max!);
        }
    }

    /// <summary>
    /// Folds in a replay of other applications under the same draft (a replay split over several readers).
    /// Every tally is a sum and the flip list keeps the earliest filings, so the merged result is the one a
    /// single replay of all the applications gives, whatever the split.
    /// </summary>
    public void Merge(PolicyReplay other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!ReferenceEquals(other._draft, _draft) || other._maxFlips != _maxFlips)
        {
            throw new ArgumentException("Only replays under the same draft and flip cap can be merged.", nameof(other));
        }

        _replayed += other._replayed;
        _flipped += other._flipped;
        _unknownVersions.UnionWith(other._unknownVersions);
        for (var i = 0; i < LaneCount; i++)
        {
            _approvedKgByLane[i] += other._approvedKgByLane[i];
            _deniedKgByLane[i] += other._deniedKgByLane[i];
        }

        foreach (var (key, theirs) in other._shifts)
        {
            var ours = _shifts.GetValueOrDefault(key);
            _shifts[key] = (ours.Count + theirs.Count, ours.Kg + theirs.Kg);
        }

        foreach (var (key, theirs) in other._cells)
        {
            if (!_cells.TryGetValue(key, out var ours))
            {
                ours = new CellTally();
                _cells[key] = ours;
            }

            ours.Add(theirs);
        }

        foreach (var flip in other._flips)
        {
            _flips.Add(flip);
            if (_flips.Count > _maxFlips)
            {
                _flips.Remove(_flips.Max!);
            }
        }
    }

    /// <summary>The replay's totals, per destination and month, the lane shifts and the flipped applications (filing order).</summary>
    public ReplayResult Result()
    {
        var rates = Enumerable.Range(0, LaneCount).ToDictionary(i => (Lane)i, i => ApprovalShare((Lane)i));
        var cells = _cells
            .OrderBy(c => c.Key.Month).ThenBy(c => c.Key.Destination, StringComparer.Ordinal)
            .Select(c =>
            {
                var draftKg = c.Value.DraftApprovedKg + Enumerable.Range(0, LaneCount).Sum(i => c.Value.FlippedInKg[i] * rates[(Lane)i]);
                return new ReplayCell(c.Key.Month, c.Key.Destination, Counts(c.Value.Historical), Counts(c.Value.Draft), c.Value.Flipped, c.Value.ApprovedKg, decimal.Round(draftKg, 3));
            })
            .ToList();
        var shifts = _shifts.OrderByDescending(s => s.Value.Count).ThenBy(s => s.Key.From).ThenBy(s => s.Key.To)
            .Select(s => new LaneShift(s.Key.From, s.Key.To, s.Value.Count, s.Value.Kg)).ToList();
        var flips = _flips.ToList();
        return new ReplayResult(
            _draft?.Version,
            _replayed,
            _flipped,
            cells.Sum(c => c.ApprovedKg),
            cells.Sum(c => c.DraftApprovedKg),
            rates,
            shifts,
            cells,
            flips,
            _unknownVersions.Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>
    /// The share of decided tonnage approved in a lane over the replayed history: how much of an export moved
    /// into a lane is expected to reach approval. Lanes decided on filing approve everything and the
    /// prohibited lane nothing (art. 29 special applications aside); a review lane with no decided history is
    /// taken at 1 (standard, enhanced) or 0 (presumption of denial).
    /// </summary>
    private decimal ApprovalShare(Lane lane)
    {
        switch (lane)
        {
            case Lane.NotControlled or Lane.Registration or Lane.VeuFastTrack:
                return 1m;
            case Lane.Prohibited:
                return 0m;
        }

        var decided = _approvedKgByLane[(int)lane] + _deniedKgByLane[(int)lane];
        if (decided == 0m)
        {
            return lane == Lane.PresumptionOfDenial ? 0m : 1m;
        }

        return decimal.Round(_approvedKgByLane[(int)lane] / decided, 4);
    }

    /// <summary>Which rule made the difference, and how: new, changed, moved, or the old rule gone.</summary>
    private static (string Rule, string Why) Explain(PolicyRule now, string beforeId, RoutingPolicy? before, RoutingPolicy draft)
    {
        var lane = WireName.Of(now.Lane);
        var old = before?.RuleById(now.Id);
        if (before is null)
        {
            return (now.Id, $"Rule '{now.Id}' sends it to {lane}: {now.Reason}");
        }

        if (old is null)
        {
            return (now.Id, $"New rule '{now.Id}' sends it to {lane}: {now.Reason}");
        }

        if (old.Lane != now.Lane)
        {
            return (now.Id, $"Rule '{now.Id}' now sends it to {lane} instead of {WireName.Of(old.Lane)}.");
        }

        if (!old.When.SameAs(now.When))
        {
            return (now.Id, $"Rule '{now.Id}' changed its conditions and now matches, sending it to {lane}.");
        }

        var formerRule = draft.RuleById(beforeId);
        if (formerRule is null)
        {
            return (beforeId, $"Rule '{beforeId}' was removed, so '{now.Id}' decides: {lane}.");
        }

        if (!formerRule.When.SameAs(before.RuleById(beforeId)?.When ?? formerRule.When))
        {
            return (beforeId, $"Rule '{beforeId}' changed its conditions and no longer matches, so '{now.Id}' decides: {lane}.");
        }

        return (now.Id, $"Rule '{now.Id}' now comes before '{beforeId}', sending it to {lane}.");
    }

    private static Dictionary<Lane, int> Counts(int[] counts) =>
        Enumerable.Range(0, LaneCount).Where(i => counts[i] > 0).ToDictionary(i => (Lane)i, i => counts[i]);

    private CellTally Cell(ReplayCase item)
    {
        var key = (new DateOnly(item.FiledOn.Year, item.FiledOn.Month, 1), item.Destination);
        if (!_cells.TryGetValue(key, out var cell))
        {
            cell = new CellTally();
            _cells[key] = cell;
        }

        return cell;
    }

    /// <summary>Filing day, then number, then id: the order flipped applications are listed in.</summary>
    private sealed class FilingOrder : IComparer<LaneFlip>
    {
        public static readonly FilingOrder Instance = new();

        public static int Compare(DateOnly filedOn, string number, Guid id, LaneFlip other)
        {
            var byDay = filedOn.CompareTo(other.FiledOn);
            if (byDay != 0)
            {
                return byDay;
            }

            var byNumber = string.CompareOrdinal(number, other.Number);
            return byNumber != 0 ? byNumber : id.CompareTo(other.Id);
        }

        public int Compare(LaneFlip? x, LaneFlip? y) =>
            x is null || y is null ? (x is null ? (y is null ? 0 : -1) : 1) : Compare(x.FiledOn, x.Number, x.Id, y);
    }

    private sealed class CellTally
    {
        public int[] Historical { get; } = new int[LaneCount];

        public int[] Draft { get; } = new int[LaneCount];

        public decimal[] FlippedInKg { get; } = new decimal[LaneCount];

        public int Flipped { get; set; }

        public decimal ApprovedKg { get; set; }

        public decimal DraftApprovedKg { get; set; }

        public void Add(CellTally other)
        {
            for (var i = 0; i < LaneCount; i++)
            {
                Historical[i] += other.Historical[i];
                Draft[i] += other.Draft[i];
                FlippedInKg[i] += other.FlippedInKg[i];
            }

            Flipped += other.Flipped;
            ApprovedKg += other.ApprovedKg;
            DraftApprovedKg += other.DraftApprovedKg;
        }
    }
}
