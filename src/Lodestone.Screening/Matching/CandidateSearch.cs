using System.Runtime.InteropServices;
using Lodestone.Screening.Normalisation;

namespace Lodestone.Screening.Matching;

/// <summary>
/// The candidate stage for one query form. Every query token (and joined window) is looked up in the vocabulary;
/// the tokens an entry must meet to reach the threshold ("essential", see <see cref="ChooseEssential"/>) give the
/// candidates; the other tokens' postings then record, per candidate, how well each query token can be met and how
/// much of the entry's weight can be met at all. From those an upper bound of the scorer's value follows; only
/// candidates whose bound reaches the threshold are scored. Nothing that could reach the threshold is dropped.
/// </summary>
internal static class CandidateSearch
{
    /// <summary>Posting lists longer than this (and than 4× the candidates) are not walked for marks: assumed met.</summary>
    private const long MarkBudget = 20_000;

    /// <summary>Fills <see cref="Scratch.Survivors"/> with the forms worth scoring for one query form, and their bounds.</summary>
    public static void Collect(CandidateIndex index, FormTable forms, TokenInfo[] query, double threshold, Scratch scratch)
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
            cost[i] = query[i].IsWeak ? long.MaxValue / 64 : index.Neighbours(query[i], default, TokenKind.None, scratch, neighbours);
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
            windowCost[w] = index.Neighbours(
                null, joined[..length], Compounds.KindOf(query, windows[w]), scratch, neighbours, Compounds.ShortestPart(query, windows[w]));
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

        var formStamp = scratch.NextFormStamp();
        scratch.Candidates.Clear();
        for (var i = 0; i < n; i++)
        {
            if (essential[i] && query[i].IsWeak)
            {
                start[i] = neighbours.Count;
                index.Neighbours(query[i], default, TokenKind.None, scratch, neighbours);
                end[i] = neighbours.Count;
            }

            if (essential[i])
            {
                Hits(index, neighbours, start[i], end[i], i, 1, n, scratch, formStamp, create: true);
            }
        }

        for (var w = 0; w < windowCount; w++)
        {
            if (Touches(windows[w], essential))
            {
                Hits(index, neighbours, windowStart[w], windowStart[w + 1], windows[w].Start, windows[w].Length, n, scratch, formStamp, create: true);
            }
        }

        var candidates = scratch.Candidates;
        if (candidates.Count == 0)
        {
            return;
        }

        // Marks from the other tokens. A token whose lookup is not exhaustive (an initial meets any word it starts) or
        // whose postings are too long to walk is assumed met, perfectly, by any entry token: the bound stays a bound.
        var budget = Math.Max(4L * candidates.Count, MarkBudget);
        ulong assumed = 0;
        var assumedStrong = 0;
        var assumedWeak = false;
        for (var i = 0; i < n; i++)
        {
            if (essential[i])
            {
                continue;
            }

            // Weak tokens weigh too little to sharpen a bound, and legal forms have the longest posting lists.
            if ((query[i].Kind & (TokenKind.Initial | TokenKind.Weak)) != 0 || cost[i] > budget)
            {
                assumed |= 1UL << i;
                assumedStrong += query[i].IsWeak ? 0 : 1;
                assumedWeak |= query[i].IsWeak;
            }
            else
            {
                Hits(index, neighbours, start[i], end[i], i, 1, n, scratch, formStamp, create: false);
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
                    assumed |= 1UL << k;
                    assumedStrong++;
                }
            }
            else
            {
                Hits(index, neighbours, windowStart[w], windowStart[w + 1], windows[w].Start, windows[w].Length, n, scratch, formStamp, create: false);
            }
        }

        Bound(forms, query, threshold, assumed, assumedStrong, assumedWeak, scratch);
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
    /// Records the hits of some neighbours' postings on query tokens [first, first + count): per candidate, the best
    /// (sharpened) similarity each token can reach and an upper bound of the entry weight met. With
    /// <paramref name="create"/>, forms not yet candidates become candidates.
    /// </summary>
    private static void Hits(
        CandidateIndex index, List<Neighbour> neighbours, int from, int to, int first, int count, int n, Scratch scratch, int formStamp, bool create)
    {
        var marks = scratch.FormMarks;
        var list = CollectionsMarshal.AsSpan(neighbours);
        for (var k = from; k < to; k++)
        {
            var token = list[k].Token;
            var similarity = BestPairsScorer.Sharpen(list[k].Similarity);
            var entryWeight = index.EntryWeight(token);
            foreach (var form in index.Postings(token))
            {
                ref var mark = ref marks[form];
                int slot;
                if (mark.Stamp == formStamp)
                {
                    slot = mark.Slot;
                }
                else if (create)
                {
                    mark.Stamp = formStamp;
                    slot = scratch.AddCandidate(form, n);
                    mark.Slot = slot;
                }
                else
                {
                    continue;
                }

                var row = scratch.CandidateSimilarities.AsSpan(slot * n, n);
                for (var i = first; i < first + count; i++)
                {
                    if (similarity > row[i])
                    {
                        row[i] = similarity;
                    }
                }

                scratch.CandidateEntryMet[slot] += entryWeight;
            }
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
    private static void Bound(FormTable forms, TokenInfo[] query, double threshold, ulong assumed, int assumedStrong, bool assumedWeak, Scratch scratch)
    {
        var n = query.Length;
        var total = 0.0;
        foreach (var token in query)
        {
            total += token.Weight;
        }

        var omitQuery = ScoringParameters.QueryOmissionFloor;
        var omitEntry = ScoringParameters.EntryOmissionFloor;
        var conflictWeight = Math.Max(0.0, ScoringParameters.ConflictWeight - omitQuery - omitEntry);
        Span<double> b = stackalloc double[n];
        Span<int> order = stackalloc int[n];
        var candidates = CollectionsMarshal.AsSpan(scratch.Candidates);
        for (var slot = 0; slot < candidates.Length; slot++)
        {
            var form = candidates[slot];
            var row = scratch.CandidateSimilarities.AsSpan(slot * n, n);
            var count = 0;
            var unmetQueryStrong = 0.0;
            for (var i = 0; i < n; i++)
            {
                b[i] = (assumed & (1UL << i)) != 0 ? 1.0 : row[i];
                if (b[i] <= 0)
                {
                    unmetQueryStrong += query[i].IsWeak ? 0 : query[i].Weight;
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

            // The query side alone bounds the score (the entry terms only add to the denominator): most candidates fail
            // here, before the form's weights are read (a cache miss each at a million names).
            double queryMet = 0, queryMetWeight = 0, queryBest = 0;
            for (var k = 0; k < count; k++)
            {
                var i = order[k];
                queryMet += b[i] * query[i].Weight;
                queryMetWeight += query[i].Weight;
                queryBest = Math.Max(queryBest, queryMet / (queryMetWeight + (omitQuery * (total - queryMetWeight))));
            }

            if (queryBest < threshold - 1e-9)
            {
                continue;
            }

            // Entry weight that cannot have been met: assumed tokens may meet a weak token each, or (strong ones) up to
            // three joined entry tokens.
            var weights = forms.Weights(form);
            var strongMet = scratch.CandidateEntryMet[slot] + (3.0 * assumedStrong * weights.MaxToken);
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
                scratch.Survivors.Add((form, best + 1e-9));
            }
        }
    }
}
