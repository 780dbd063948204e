using System.Runtime.InteropServices;
using Lodestone.Screening.Normalisation;

namespace Lodestone.Screening.Matching;

/// <summary>
/// The candidate stage for one query form. Every query token (and joined window) is looked up in the vocabulary;
/// the tokens an entry must meet to reach the threshold ("essential", see <see cref="ChooseEssential"/>) give the
/// candidates. Two upper bounds of the scorer's value then sort them out, cheap first:
/// <list type="bullet">
/// <item>the other tokens' postings set one bit per query token in a per-form word (four bytes a form, so a walk costs a
/// cached write per posting, not a cache miss), which also sums the entry weight of the neighbours met; from the mask and
/// each token's best neighbour follows a query-side bound, and from the sum an entry side, that most candidates fail;</item>
/// <item>the few that pass check their own tokens against every neighbour found: how well each query token can be met
/// and how much of the entry's weight can be met at all, hence the conflict the scorer charges for a different name in
/// the same place ("Minsk Kerre Automation" against every other "Minsk … Automation").</item>
/// </list>
/// Only candidates whose exact bound reaches the threshold are scored. Neighbours too far from an essential token to lift a
/// form to the threshold on their own make no candidates (<see cref="CreationCut"/>): the exact bound would drop them. Nothing that could reach the threshold is dropped:
/// whatever a bound cannot see (initials, legal forms not looked up, postings too long to walk) it assumes met.
/// </summary>
internal static class CandidateSearch
{
    /// <summary>Query tokens that get a bit in the candidate masks; the last bit marks a candidate.</summary>
    private const int MaskedTokens = 15;

    private const ushort CandidateBit = 1 << MaskedTokens;

    /// <summary>A non-essential token's postings are walked up to this many per candidate (or this many in all).</summary>
    private const long WalkBudgetPerCandidate = 16;

    private const long WalkBudget = 50_000;

    /// <summary>No similarity cut: every neighbour makes candidates (sharpened similarities are never negative).</summary>
    private const double NoCut = -1.0;

    /// <summary>How far below the threshold the bound at the cut must stay (the exact bound keeps ties within 1e-9).</summary>
    private const double CutMargin = 1e-6;

    /// <summary>The least the scorer charges per unit of strong weight unmatched on both sides, beyond the omission floors.</summary>
    public static double ConflictFloor =>
        Math.Max(0.0, ScoringParameters.ConflictWeight - ScoringParameters.QueryOmissionFloor - ScoringParameters.EntryOmissionFloor);

    /// <summary>Fills <see cref="Scratch.Survivors"/> with the shapes worth scoring for one query form.</summary>
    public static void Collect(CandidateIndex index, FormTable forms, TokenInfo[] query, double threshold, Scratch scratch, LookupMemo? memo = null)
    {
        try
        {
            CollectForms(index, forms, query, threshold, scratch, memo);
        }
        finally
        {
            // Every mask set belongs to a candidate: clearing theirs leaves the array clean for the next query form.
            var masks = scratch.FormMasks;
            foreach (var form in scratch.Candidates)
            {
                masks[form] = 0;
            }
        }
    }

    private static void CollectForms(CandidateIndex index, FormTable forms, TokenInfo[] query, double threshold, Scratch scratch, LookupMemo? memo)
    {
        var survivors = scratch.Survivors;
        survivors.Clear();
        var n = query.Length;
        var neighbours = scratch.Neighbours;
        neighbours.Clear();
        Span<int> start = stackalloc int[n];
        Span<long> cost = stackalloc long[n];
        Span<int> end = stackalloc int[n];
        for (var i = 0; i < n; i++)
        {
            // Legal forms are looked up only if they turn out essential (a query of nothing but legal forms): they are
            // never worth walking for marks. Until then their cost is a rough guess: they are everywhere.
            start[i] = neighbours.Count;
            cost[i] = query[i].IsWeak ? long.MaxValue / 64 : Lookup(index, memo, query[i], scratch, neighbours);
            end[i] = neighbours.Count;
        }

        // Joined query windows ("hua wei" → "huawei") reach entry tokens their parts alone may not.
        Span<Compounds.Window> windows = stackalloc Compounds.Window[2 * n];
        Span<char> joined = stackalloc char[Compounds.MaxLength];
        var windowCount = Compounds.QueryWindows(query, windows);
        Span<int> windowStart = stackalloc int[windowCount + 1];
        Span<long> windowCost = stackalloc long[windowCount];
        for (var w = 0; w < windowCount; w++)
        {
            windowStart[w] = neighbours.Count;
            var length = Compounds.Join(query, windows[w], joined);
            var kind = Compounds.KindOf(query, windows[w]);
            var shortestPart = Compounds.ShortestPart(query, windows[w]);
            windowCost[w] = memo is null
                ? index.Neighbours(null, joined[..length], kind, scratch, neighbours, shortestPart)
                : memo.Neighbours(joined[..length], kind, shortestPart, scratch, neighbours);
        }

        windowStart[windowCount] = neighbours.Count;
        Span<bool> essential = stackalloc bool[n];
        ChooseEssential(query, cost, threshold, essential);

        if (threshold > ScoringParameters.WeakOnlyCap && Array.TrueForAll(query, t => t.IsWeak))
        {
            // Legal forms alone never make a match (the scorer caps such names below any sensible threshold).
            scratch.Candidates.Clear();
            return;
        }

        // Essential tokens' postings make the candidates; every posting walked also records, in one bit per query token,
        // which tokens the form meets (a small array over all forms, so each posting costs a cached write, not a miss).
        var masks = scratch.FormMasks;
        var candidates = scratch.Candidates;
        candidates.Clear();
        var cheap = scratch.MaskBounds;
        cheap.Start(query, threshold);
        var bits = cheap.Bits.AsSpan(0, n);
        for (var i = 0; i < n; i++)
        {
            bits[i] = i < MaskedTokens ? (ushort)(1 << i) : (ushort)0;
        }

        for (var i = 0; i < n; i++)
        {
            if (essential[i] && query[i].IsWeak)
            {
                start[i] = neighbours.Count;
                Lookup(index, memo, query[i], scratch, neighbours);
                end[i] = neighbours.Count;
            }
        }

        // Only neighbours above the cut make candidates (see CreationCut); those at or below it only mark, after.
        var cut = CreationCut(query, essential, threshold);
        for (var i = 0; i < n; i++)
        {
            if (essential[i])
            {
                var tokenCut = Exhaustive(query[i]) ? cut : NoCut;
                Walk(index, neighbours, start[i], end[i], (ushort)(bits[i] | CandidateBit), masks, candidates, tokenCut, double.PositiveInfinity);
            }
        }

        for (var w = 0; w < windowCount; w++)
        {
            if (Touches(windows[w], essential))
            {
                Walk(index, neighbours, windowStart[w], windowStart[w + 1], (ushort)(WindowBits(windows[w], bits) | CandidateBit), masks, candidates, cut, double.PositiveInfinity);
            }
        }

        if (cut > NoCut)
        {
            for (var i = 0; i < n; i++)
            {
                if (essential[i] && Exhaustive(query[i]))
                {
                    Walk(index, neighbours, start[i], end[i], bits[i], masks, null, NoCut, cut);
                }
            }

            for (var w = 0; w < windowCount; w++)
            {
                if (Touches(windows[w], essential))
                {
                    Walk(index, neighbours, windowStart[w], windowStart[w + 1], WindowBits(windows[w], bits), masks, null, NoCut, cut);
                }
            }
        }

        if (candidates.Count == 0)
        {
            return;
        }

        // The other tokens mark the candidates they meet. Legal forms not looked up, initials (an initial meets any word
        // it starts, which no lookup lists), tokens beyond the mask and tokens whose postings are too long to walk are
        // assumed met by the cheap bounds; the exact bound of the candidates that pass them does not assume them.
        var budget = Math.Max(WalkBudgetPerCandidate * (long)candidates.Count, WalkBudget);
        for (var i = 0; i < n; i++)
        {
            if (bits[i] == 0 || !Exhaustive(query[i]))
            {
                cheap.Assume(i);
            }
            else if (!essential[i] && cost[i] > budget)
            {
                cheap.Assume(i);
            }
            else if (!essential[i])
            {
                Walk(index, neighbours, start[i], end[i], bits[i], masks, null, NoCut, double.PositiveInfinity);
            }
        }

        for (var w = 0; w < windowCount; w++)
        {
            if (Touches(windows[w], essential))
            {
                continue;
            }

            if (windowCost[w] > budget)
            {
                for (var k = windows[w].Start; k < windows[w].Start + windows[w].Length; k++)
                {
                    cheap.Assume(k);
                }
            }
            else
            {
                Walk(index, neighbours, windowStart[w], windowStart[w + 1], WindowBits(windows[w], bits), masks, null, NoCut, double.PositiveInfinity);
            }
        }

        // What a set bit can mean at best: the best similarity of any neighbour of the token or of a window over it, and
        // the entry weight of all of them (the exact bound below counts every neighbour a form holds).
        var reach = cheap.Reach.AsSpan(0, n);
        var entryReach = cheap.EntryReach.AsSpan(0, n);
        for (var i = 0; i < n; i++)
        {
            (reach[i], entryReach[i]) = Best(index, neighbours, start[i], end[i]);
        }

        for (var w = 0; w < windowCount; w++)
        {
            // A window's neighbours set the bits of all its tokens: each token is charged all of their entry weight.
            var (similarity, weight) = Best(index, neighbours, windowStart[w], windowStart[w + 1]);
            for (var k = windows[w].Start; k < windows[w].Start + windows[w].Length; k++)
            {
                reach[k] = Math.Max(reach[k], similarity);
                entryReach[k] += weight;
            }
        }

        cheap.Ready();

        // Every neighbour found, by vocabulary id: a candidate that passes the cheap bound checks its own tokens against
        // them, so its exact bound costs its own length, not the other tokens' posting lists. Legal forms not looked up
        // and initials are assumed met, perfectly: the bound stays a bound.
        scratch.ClearLinks();
        ulong assumed = 0;
        var assumedStrong = 0;
        var assumedWeak = false;
        for (var i = 0; i < n; i++)
        {
            if (!Exhaustive(query[i]) || (query[i].IsWeak && !essential[i]))
            {
                assumed |= 1UL << i;
                assumedStrong += query[i].IsWeak ? 0 : 1;
                assumedWeak |= query[i].IsWeak;
                continue;
            }

            Link(index, neighbours, start[i], end[i], i, 1, scratch);
        }

        for (var w = 0; w < windowCount; w++)
        {
            Link(index, neighbours, windowStart[w], windowStart[w + 1], windows[w].Start, windows[w].Length, scratch);
        }

        Bound(index, forms, query, threshold, assumed, assumedStrong, assumedWeak, scratch);
    }

    private static long Lookup(CandidateIndex index, LookupMemo? memo, TokenInfo token, Scratch scratch, List<Neighbour> neighbours) =>
        memo is null ? index.Neighbours(token, default, TokenKind.None, scratch, neighbours) : memo.Neighbours(token, scratch, neighbours);

    /// <summary>Whether a token's lookup lists every token it meets (an initial meets any word it starts: not listed).</summary>
    private static bool Exhaustive(TokenInfo token) => (token.Kind & TokenKind.Initial) == 0 && !token.IsWeak;

    private static ushort WindowBits(Compounds.Window window, ReadOnlySpan<ushort> bits)
    {
        ushort result = 0;
        for (var k = window.Start; k < window.Start + window.Length; k++)
        {
            result |= bits[k];
        }

        return result;
    }

    private static (double Similarity, double EntryWeight) Best(CandidateIndex index, List<Neighbour> neighbours, int from, int to)
    {
        double similarity = 0, weight = 0;
        for (var k = from; k < to; k++)
        {
            similarity = Math.Max(similarity, BestPairsScorer.Sharpen(neighbours[k].Similarity));
            weight += index.EntryWeight(neighbours[k].Token);
        }

        return (similarity, weight);
    }

    /// <summary>
    /// Marks the tokens an entry must meet to reach the threshold. Whatever the entry, the scorer's value when only the
    /// query tokens in a set S are met is at most w(S) / (w(S) + ωq·w(rest)) (<see cref="ScoringParameters.QueryOmissionFloor"/>);
    /// tokens are moved to the skippable set, costliest first, while that bound stays below the threshold.
    /// </summary>
    public static void ChooseEssential(TokenInfo[] query, ReadOnlySpan<long> cost, double threshold, Span<bool> essential)
    {
        // Skipping a set S is safe while w(S) / (w(S) + ω·w(rest)) < threshold, i.e. while w(S) < limit. Among the safe
        // sets, skip the one with the most postings (a small knapsack: exact for short names, greedy by postings per
        // unit of weight otherwise).
        var n = query.Length;
        var total = 0.0;
        for (var i = 0; i < n; i++)
        {
            total += query[i].Weight;
            essential[i] = true;
        }

        var omission = ScoringParameters.QueryOmissionFloor;
        var limit = threshold >= 1.0 ? double.PositiveInfinity
            : threshold <= 0 ? 0.0
            : threshold * omission * total / (1.0 - threshold + (threshold * omission));
        limit -= 1e-9 * Math.Max(1.0, total);
        if (n <= 12)
        {
            var bestSet = 0;
            var bestCost = -1L;
            for (var set = 0; set < 1 << n; set++)
            {
                double weight = 0;
                long skipped = 0;
                for (var i = 0; i < n; i++)
                {
                    if ((set & (1 << i)) != 0)
                    {
                        weight += query[i].Weight;
                        skipped += cost[i];
                    }
                }

                if (weight < limit && weight < total && skipped > bestCost)
                {
                    (bestSet, bestCost) = (set, skipped);
                }
            }

            for (var i = 0; i < n; i++)
            {
                essential[i] = (bestSet & (1 << i)) == 0;
            }

            return;
        }

        Span<int> order = stackalloc int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        for (var i = 1; i < n; i++)
        {
            var x = order[i];
            var k = i - 1;
            while (k >= 0 && Density(cost[order[k]], query[order[k]]) < Density(cost[x], query[x]))
            {
                order[k + 1] = order[k];
                k--;
            }

            order[k + 1] = x;
        }

        var used = 0.0;
        foreach (var i in order)
        {
            if (used + query[i].Weight < limit && used + query[i].Weight < total)
            {
                essential[i] = false;
                used += query[i].Weight;
            }
        }
    }

    private static double Density(long cost, TokenInfo token) => cost / Math.Max(token.Weight, 1e-9);

    private static bool Touches(Compounds.Window window, ReadOnlySpan<bool> essential)
    {
        for (var k = window.Start; k < window.Start + window.Length; k++)
        {
            if (essential[k])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Sets <paramref name="bits"/> in the mask of every form in the posting lists of the neighbours whose sharpened
    /// similarity is in (<paramref name="above"/>, <paramref name="atMost"/>], and adds each neighbour's entry weight to
    /// the form's sum (<see cref="FormMarks"/>). With a candidate list, forms not yet candidates become candidates;
    /// without one, only candidates are marked (so that clearing the candidates' words clears every word).
    /// </summary>
    private static void Walk(
        CandidateIndex index, List<Neighbour> neighbours, int from, int to, ushort bits, uint[] masks, List<int>? candidates, double above, double atMost)
    {
        var list = CollectionsMarshal.AsSpan(neighbours);
        for (var k = from; k < to; k++)
        {
            var sharpened = BestPairsScorer.Sharpen(list[k].Similarity);
            if (sharpened <= above || sharpened > atMost)
            {
                continue;
            }

            var units = FormMarks.Units(index.EntryWeight(list[k].Token));
            foreach (var form in index.Postings(list[k].Token))
            {
                var word = masks[form];
                if (word == 0)
                {
                    if (candidates is null)
                    {
                        continue;
                    }

                    candidates.Add(form);
                }

                masks[form] = FormMarks.Add(word, bits, units);
            }
        }
    }

    /// <summary>
    /// The similarity cut for candidate-creating neighbours. A form that meets every essential token (and every window
    /// over one) only through neighbours whose sharpened similarity is at most c has, whatever else it meets, an exact
    /// bound no higher than the query-side bound with b = c for the essential tokens and 1 for the others; the largest c
    /// that keeps that below the threshold is returned (<see cref="NoCut"/> if none), and such forms are never
    /// candidates. Initials and legal forms are counted as met perfectly: their lookup does not list all they meet.
    /// </summary>
    public static double CreationCut(TokenInfo[] query, ReadOnlySpan<bool> essential, double threshold)
    {
        var n = query.Length;
        Span<double> b = stackalloc double[n];
        var limit = threshold - CutMargin;
        for (var i = 0; i < n; i++)
        {
            b[i] = essential[i] && Exhaustive(query[i]) ? 0.0 : 1.0;
        }

        if (QueryBound(query, b) >= limit)
        {
            return NoCut;
        }

        // The bound rises with c: bisection, keeping the low end (a value known to stay below the threshold).
        double low = 0, high = 1;
        for (var step = 0; step < 30; step++)
        {
            var c = (low + high) / 2;
            for (var i = 0; i < n; i++)
            {
                b[i] = essential[i] && Exhaustive(query[i]) ? c : 1.0;
            }

            if (QueryBound(query, b) < limit)
            {
                low = c;
            }
            else
            {
                high = c;
            }
        }

        return low;
    }

    /// <summary>The query-side bound of the exact bound (<see cref="Bound"/>) for per-token values b.</summary>
    public static double QueryBound(TokenInfo[] query, ReadOnlySpan<double> b)
    {
        var n = query.Length;
        double total = 0;
        foreach (var token in query)
        {
            total += token.Weight;
        }

        Span<int> order = stackalloc int[n];
        var count = OrderByValue(b, order);
        return QuerySide(query, b, order[..count], total, ScoringParameters.QueryOmissionFloor);
    }

    /// <summary>Writes the tokens with b &gt; 0 into <paramref name="order"/> by decreasing b; returns how many there are.</summary>
    private static int OrderByValue(ReadOnlySpan<double> b, Span<int> order)
    {
        var count = 0;
        for (var i = 0; i < b.Length; i++)
        {
            if (b[i] <= 0)
            {
                continue;
            }

            // Insertion into decreasing order of b.
            var k = count++;
            while (k > 0 && b[order[k - 1]] < b[i])
            {
                order[k] = order[k - 1];
                k--;
            }

            order[k] = i;
        }

        return count;
    }

    /// <summary>The query side of the bound: the best prefix of tokens in decreasing b, the rest charged at the omission floor.</summary>
    private static double QuerySide(TokenInfo[] query, ReadOnlySpan<double> b, ReadOnlySpan<int> order, double total, double omitQuery)
    {
        double met = 0, metWeight = 0, best = 0;
        foreach (var i in order)
        {
            met += b[i] * query[i].Weight;
            metWeight += query[i].Weight;
            best = Math.Max(best, met / (metWeight + (omitQuery * (total - metWeight))));
        }

        return best;
    }

    /// <summary>Files some neighbours of query tokens [first, first + count) under their vocabulary ids.</summary>
    private static void Link(CandidateIndex index, List<Neighbour> neighbours, int from, int to, int first, int count, Scratch scratch)
    {
        var list = CollectionsMarshal.AsSpan(neighbours);
        for (var k = from; k < to; k++)
        {
            scratch.AddLink(list[k].Token, first, count, BestPairsScorer.Sharpen(list[k].Similarity), index.EntryWeight(list[k].Token));
        }
    }

    /// <summary>
    /// Keeps the candidates whose score bound reaches the threshold. With b(i) the best similarity token i can reach,
    /// U a lower bound of the entry weight left unmet, R the distinctive query weight that meets nothing in this entry
    /// and E a lower bound of the distinctive entry weight left unmet, the scorer's value is at most
    /// max over S of Σ_S b·w / (w(S) + ωq·w(rest) + ωe·U + (γ − ωq − ωe)·min(R, E)); the best S takes tokens in
    /// decreasing b. The last term is the conflict the scorer charges for unmatched tokens facing each other: it is
    /// what rules out "Zoor Research Institute" against every other "… Research Institute".
    /// </summary>
    private static void Bound(
        CandidateIndex index, FormTable forms, TokenInfo[] query, double threshold, ulong assumed, int assumedStrong, bool assumedWeak,
        Scratch scratch)
    {
        var n = query.Length;
        var total = 0.0;
        foreach (var token in query)
        {
            total += token.Weight;
        }

        var omitQuery = ScoringParameters.QueryOmissionFloor;
        var omitEntry = ScoringParameters.EntryOmissionFloor;
        var conflictWeight = ConflictFloor;
        Span<double> b = stackalloc double[n];
        Span<double> row = stackalloc double[n];
        Span<int> order = stackalloc int[n];
        var candidates = CollectionsMarshal.AsSpan(scratch.Candidates);
        var links = scratch.Links;
        var table = scratch.LinkTable;
        var masks = scratch.FormMasks;
        var cheap = scratch.MaskBounds;
        foreach (var form in candidates)
        {
            // The cheap bounds first (query side by mask, then the form's unmet weight): most candidates stop there.
            var word = masks[form];
            var slot = cheap.Slot(FormMarks.Mask(word));
            if (slot < 0)
            {
                continue;
            }

            var weights = forms.Weights(form);
            if (!cheap.EntryMayReach(slot, weights, FormMarks.EntryMet(word)))
            {
                continue;
            }

            // How well each query token can be met by this form's tokens, and how much entry weight they can account for.
            // Every link counts its entry weight: pairing one-to-one would bound tighter, and since the scorer credits only
            // pairs a fuzzy key reaches (finding 1), every pair it meets is among the neighbours, so such a bound would now
            // be safe. Not done: lever (i) of finding 8 in docs/benchmarks.md.
            row.Clear();
            var candidateEntryMet = 0.0;
            foreach (var id in index.FormTokens(form))
            {
                for (var l = table.Get(id); l >= 0; l = links[l].Next)
                {
                    ref readonly var link = ref links[l];
                    for (var i = link.First; i < link.First + link.Count; i++)
                    {
                        row[i] = Math.Max(row[i], link.Similarity);
                    }

                    candidateEntryMet += link.EntryWeight;
                }
            }

            var unmetQueryStrong = 0.0;
            for (var i = 0; i < n; i++)
            {
                b[i] = (assumed & (1UL << i)) != 0 ? 1.0 : row[i];
                if (b[i] <= 0 && !query[i].IsWeak)
                {
                    unmetQueryStrong += query[i].Weight;
                }
            }

            // The query side alone bounds the score (the entry terms only add to the denominator).
            var count = OrderByValue(b, order);
            var queryBest = QuerySide(query, b, order[..count], total, omitQuery);

            if (queryBest < threshold - 1e-9)
            {
                continue;
            }

            // Entry weight that cannot have been met: assumed tokens may meet a weak token each, or (strong ones) up to
            // three joined entry tokens.
            var strongMet = candidateEntryMet + (3.0 * assumedStrong * weights.MaxToken);
            var entryMet = strongMet + (assumedWeak ? weights.Weak : 0.0);
            var unmetEntry = Math.Max(0.0, weights.Total - entryMet);
            var unmetEntryStrong = Math.Max(0.0, weights.Total - weights.Weak - strongMet);
            var conflict = conflictWeight * Math.Min(unmetQueryStrong, unmetEntryStrong);
            double met = 0, metWeight = 0, best = 0;
            for (var k = 0; k < count; k++)
            {
                var i = order[k];
                met += b[i] * query[i].Weight;
                metWeight += query[i].Weight;
                var value = met / (metWeight + (omitQuery * (total - metWeight)) + (omitEntry * unmetEntry) + conflict);
                best = Math.Max(best, value);
            }

            if (best >= threshold - 1e-9)
            {
                scratch.Survivors.Add(form);
            }
        }
    }
}
