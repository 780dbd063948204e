namespace Lodestone.Screening.Matching;

/// <summary>
/// The candidate stage's cheap bounds for one query form, from a candidate's token mask (one bit per query token it
/// meets, see <see cref="CandidateSearch"/>) and its form's weight totals, without reading its tokens. The query side
/// depends on the mask alone, so it is worked out once per distinct mask (a query's candidates share a few dozen);
/// the entry side adds the form's unmet weight, from the entry weight all of each met token's neighbours account for.
/// Both are upper bounds of <see cref="CandidateSearch"/>'s exact bound, itself an upper bound of the scorer.
/// </summary>
internal sealed class MaskBounds
{
    private const int MaskValues = 1 << 16;

    /// <summary>Per mask value: the generation it was judged in; stale generations read as not judged.</summary>
    private readonly int[] _stamps = new int[MaskValues];

    /// <summary>Per mask value judged in this generation: its slot, or -1 when the query side already fails.</summary>
    private readonly int[] _slots = new int[MaskValues];

    private int _generation;
    private int _slotCount;

    /// <summary>Per slot, per prefix of the tokens in decreasing similarity: the met value and the query-side denominator.</summary>
    private double[] _met = new double[256];
    private double[] _denominator = new double[256];

    /// <summary>Per slot: the prefix count, the distinctive query weight met by nothing, the entry weight met at most.</summary>
    private (int Count, double UnmetQueryStrong, double EntryMet)[] _info = new (int, double, double)[64];

    private TokenInfo[] _query = [];
    private double[] _b = new double[16];
    private int[] _order = new int[16];
    private double _total;
    private double _threshold;
    private int _assumedStrong;
    private bool _assumedWeak;
    private double _assumedReach;

    /// <summary>Per query token: its mask bit (0: none), its best similarity, the entry weight of all its neighbours.</summary>
    public ushort[] Bits { get; private set; } = new ushort[16];

    public double[] Reach { get; private set; } = new double[16];

    public double[] EntryReach { get; private set; } = new double[16];

    /// <summary>Tokens assumed met whatever the mask (initials, legal forms not looked up, walks over budget).</summary>
    public ulong Assumed { get; private set; }

    /// <summary>Starts a query form of <paramref name="query"/>'s tokens; fill <see cref="Bits"/>, <see cref="Reach"/> and
    /// <see cref="EntryReach"/> next, then call <see cref="Ready"/>.</summary>
    public void Start(TokenInfo[] query, double threshold)
    {
        var n = query.Length;
        if (Bits.Length < n)
        {
            Bits = new ushort[n];
            Reach = new double[n];
            EntryReach = new double[n];
            _b = new double[n];
            _order = new int[n];
        }

        _query = query;
        _threshold = threshold;
        _total = 0;
        foreach (var token in query)
        {
            _total += token.Weight;
        }

        Assumed = 0;
        _slotCount = 0;
        if (_generation == int.MaxValue)
        {
            Array.Clear(_stamps);
            _generation = 0;
        }

        _generation++;
    }

    /// <summary>Marks a token assumed met (for the entry side: a distinctive one may meet up to three joined tokens).</summary>
    public void Assume(int token) => Assumed |= 1UL << token;

    /// <summary>
    /// Ends the set-up: counts the assumed tokens for the entry side. Their postings were not walked (nor those of a
    /// window over budget, whose tokens are all assumed), so the entry weight of all their neighbours is charged to every
    /// form on top of what the walks found in it.
    /// </summary>
    public void Ready()
    {
        _assumedStrong = 0;
        _assumedWeak = false;
        _assumedReach = 0;
        for (var i = 0; i < _query.Length; i++)
        {
            if ((Assumed & (1UL << i)) != 0 || Bits[i] == 0)
            {
                _assumedStrong += _query[i].IsWeak ? 0 : 1;
                _assumedWeak |= _query[i].IsWeak;
                _assumedReach += EntryReach[i];
            }
        }
    }

    /// <summary>The slot of a mask whose query-side bound reaches the threshold, or -1.</summary>
    public int Slot(ushort mask)
    {
        if (_stamps[mask] != _generation)
        {
            _stamps[mask] = _generation;
            _slots[mask] = Judge(mask);
        }

        return _slots[mask];
    }

    /// <summary>
    /// Whether a form of these weights, whose mask has this slot and whose walked neighbours account for
    /// <paramref name="walkedEntryMet"/> of entry weight, may reach the threshold.
    /// </summary>
    public bool EntryMayReach(int slot, FormWeights weights, double walkedEntryMet)
    {
        var (count, unmetQueryStrong, slotReach) = _info[slot];

        // Two upper bounds of the entry weight the exact bound counts as met: every neighbour of every met token (the
        // mask's), or the neighbours the walks found in this form plus every neighbour of the tokens not walked.
        var entryReach = Math.Min(slotReach, walkedEntryMet + _assumedReach);
        var strongMet = entryReach + (3.0 * _assumedStrong * weights.MaxToken);
        var entryMet = strongMet + (_assumedWeak ? weights.Weak : 0.0);
        var unmetEntry = Math.Max(0.0, weights.Total - entryMet);
        var unmetEntryStrong = Math.Max(0.0, weights.Total - weights.Weak - strongMet);
        var extra = (ScoringParameters.EntryOmissionFloor * unmetEntry) + (CandidateSearch.ConflictFloor * Math.Min(unmetQueryStrong, unmetEntryStrong));
        var width = _query.Length;
        for (var k = 0; k < count; k++)
        {
            if (_met[(slot * width) + k] / (_denominator[(slot * width) + k] + extra) >= _threshold - 1e-9)
            {
                return true;
            }
        }

        return false;
    }

    private int Judge(ushort mask)
    {
        var n = _query.Length;
        var count = 0;
        double unmetQueryStrong = 0, entryReach = 0;
        for (var i = 0; i < n; i++)
        {
            var assumed = Bits[i] == 0 || (Assumed & (1UL << i)) != 0;
            var bi = assumed ? 1.0 : (mask & Bits[i]) != 0 ? Reach[i] : 0.0;
            if (bi <= 0)
            {
                unmetQueryStrong += _query[i].IsWeak ? 0 : _query[i].Weight;
                continue;
            }

            // An assumed token's own entry weight is counted by Ready's assumptions, but a window over it may still have
            // charged it the entry weight the window meets: counting its reach as well keeps the bound a bound.
            entryReach += EntryReach[i];
            var k = count++;
            while (k > 0 && _b[_order[k - 1]] < bi)
            {
                _order[k] = _order[k - 1];
                k--;
            }

            _order[k] = i;
            _b[i] = bi;
        }

        var slot = _slotCount;
        if (_met.Length < (slot + 1) * n)
        {
            Array.Resize(ref _met, Math.Max((slot + 1) * n, _met.Length * 2));
            Array.Resize(ref _denominator, _met.Length);
        }

        if (_info.Length <= slot)
        {
            Array.Resize(ref _info, _info.Length * 2);
        }

        double met = 0, metWeight = 0, best = 0;
        for (var k = 0; k < count; k++)
        {
            var i = _order[k];
            met += _b[i] * _query[i].Weight;
            metWeight += _query[i].Weight;
            var denominator = metWeight + (ScoringParameters.QueryOmissionFloor * (_total - metWeight));
            _met[(slot * n) + k] = met;
            _denominator[(slot * n) + k] = denominator;
            best = Math.Max(best, met / denominator);
        }

        if (best < _threshold - 1e-9)
        {
            return -1;
        }

        _info[slot] = (count, unmetQueryStrong, entryReach);
        _slotCount++;
        return slot;
    }
}
