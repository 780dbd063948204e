using System.Buffers;
using Lodestone.Screening.Normalisation;

namespace Lodestone.Screening.Matching;

/// <summary>One met pair in an alignment: a window of query tokens and a window of entry tokens (one side a single token).</summary>
/// <remarks><paramref name="Counted"/> is what the pair counts in the score (its similarity, sharpened).</remarks>
internal readonly record struct AlignedPair(int QueryStart, int QueryLength, int EntryStart, int EntryLength, double Similarity, double Weight, double Counted);

/// <summary>What the scorer did, for explanations.</summary>
internal sealed class ScoreDetail
{
    public List<AlignedPair> Pairs { get; } = [];

    public ulong UsedQuery { get; set; }

    public ulong UsedEntry { get; set; }

    public double Denominator { get; set; }

    public bool WeakOnly { get; set; }

    public bool NumbersDiffer { get; set; }

    public void Clear()
    {
        Pairs.Clear();
        UsedQuery = 0;
        UsedEntry = 0;
        Denominator = 0;
        WeakOnly = false;
        NumbersDiffer = false;
    }
}

/// <summary>
/// Best-pairs scoring of a query name against one entry name (Watchman's BestPairsJaroWinkler, reworked). Every query
/// token (and joined window, see <see cref="Compounds"/>) is compared with every entry token (<see cref="TokenSimilarity"/>);
/// pairs are taken best first, one-to-one. The score is a weighted average:
/// <list type="bullet">
/// <item>a met pair counts its sharpened similarity (<see cref="ScoringParameters.PairSharpness"/>) at the weight of
/// its query tokens (<see cref="TokenWeights"/>: longer tokens more, legal forms and common words less);</item>
/// <item>an unmatched query token counts 0 at <see cref="ScoringParameters.UnmatchedQueryWeight"/> of its weight, an
/// unmatched entry token at <see cref="ScoringParameters.UnmatchedEntryWeight"/>: what the caller typed and the list
/// lacks says more than what the list adds (as in logic-v2);</item>
/// <item>unmatched tokens facing each other on both sides are a substitution ("gas" for "oil") and cost
/// <see cref="ScoringParameters.ConflictWeight"/>;</item>
/// <item>a match hanging on one distinctive token pays more for what else the query says
/// (<see cref="ScoringParameters.SingleAnchorQueryWeight"/>) and for a near miss on that token
/// (<see cref="ScoringParameters.LoneAnchorSharpness"/>);</item>
/// <item>legal forms alone never match (<see cref="ScoringParameters.WeakOnlyCap"/>); numbers left over on both
/// sides lower the score (<see cref="ScoringParameters.NumberMismatchFactor"/>).</item>
/// </list>
/// Identical names score 1. Because a met pair is weighted by query weights only, the score of an entry meeting only
/// some of the query's tokens is bounded from the query alone: the candidate stage relies on that bound.
/// </summary>
internal static class BestPairsScorer
{
    private const int StackPairs = 192;

    private struct Candidate
    {
        public double Similarity;
        public double Weight;
        public short QueryStart;
        public short EntryStart;
        public byte QueryLength;
        public byte EntryLength;
    }


    public static double Score(ReadOnlySpan<TokenInfo> query, ReadOnlySpan<TokenInfo> entry, ScoreDetail? detail = null, SimilarityMemo? memo = null) =>
        Score(query, entry, detail, memo, default, null);

    /// <summary>
    /// Scores an indexed form whose entry windows the index has listed with their vocabulary ids: each query token is
    /// rated against a window once per query form (in <paramref name="memo"/>, as against an entry token), not once per form
    /// holding it. The value is the same as without them.
    /// </summary>
    public static double Score(
        ReadOnlySpan<TokenInfo> query, ReadOnlySpan<TokenInfo> entry, SimilarityMemo memo, ReadOnlySpan<FormWindow> windows, CandidateIndex index) =>
        Score(query, entry, null, memo, windows, index);

    private static double Score(
        ReadOnlySpan<TokenInfo> query, ReadOnlySpan<TokenInfo> entry, ScoreDetail? detail, SimilarityMemo? memo, ReadOnlySpan<FormWindow> indexed,
        CandidateIndex? index)
    {
        detail?.Clear();
        var nq = Math.Min(query.Length, NameNormaliser.MaxTokens);
        var ne = Math.Min(entry.Length, NameNormaliser.MaxTokens);
        if (nq == 0 || ne == 0)
        {
            return 0;
        }

        query = query[..nq];
        entry = entry[..ne];
        Span<Compounds.Window> queryWindows = stackalloc Compounds.Window[2 * nq];
        Span<Compounds.Window> entryWindows = stackalloc Compounds.Window[2 * ne];
        var nqw = Compounds.QueryWindows(query, queryWindows);
        var byIndex = index is not null && memo is not null;
        var nEntryWindows = byIndex ? 0 : Compounds.EntryWindows(entry, entryWindows);
        var capacity = (nq * ne) + (nqw * ne) + (nq * (byIndex ? indexed.Length : nEntryWindows));
        Candidate[]? rented = null;
        Span<Candidate> candidates = capacity <= StackPairs
            ? stackalloc Candidate[capacity]
            : (rented = ArrayPool<Candidate>.Shared.Rent(capacity));
        try
        {
            var count = CollectCandidates(query, entry, queryWindows[..nqw], entryWindows[..nEntryWindows], candidates, memo);
            if (byIndex)
            {
                count += CollectIndexedWindows(query, entry, indexed, index!, memo!, candidates[count..]);
            }

            return Assign(query, entry, candidates[..count], detail);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<Candidate>.Shared.Return(rented);
            }
        }
    }

    private static int CollectCandidates(
        ReadOnlySpan<TokenInfo> query, ReadOnlySpan<TokenInfo> entry, ReadOnlySpan<Compounds.Window> queryWindows,
        ReadOnlySpan<Compounds.Window> entryWindows, Span<Candidate> candidates, SimilarityMemo? memo)
    {
        var count = 0;
        Span<char> joined = stackalloc char[Compounds.MaxLength];
        var memoised = memo is not null && entry.Length > 0;
        for (var j = 0; j < entry.Length; j++)
        {
            var e = entry[j];
            if (memo is not null && e.Id >= 0)
            {
                // Query tokens and joined query windows against a vocabulary token: computed once per query.
                var row = memo.Row(e.Id, out var fresh);
                if (fresh)
                {
                    for (var i = 0; i < query.Length; i++)
                    {
                        row[i] = TokenSimilarity.Of(query[i], e);
                    }

                    for (var w = 0; w < queryWindows.Length; w++)
                    {
                        row[query.Length + w] = WindowSimilarity(query, queryWindows[w], e, joined);
                    }
                }

                for (var i = 0; i < query.Length; i++)
                {
                    if (row[i] > 0)
                    {
                        candidates[count++] = new Candidate { Similarity = row[i], Weight = query[i].Weight, QueryStart = (short)i, QueryLength = 1, EntryStart = (short)j, EntryLength = 1 };
                    }
                }

                for (var w = 0; w < queryWindows.Length; w++)
                {
                    var s = row[query.Length + w];
                    if (s > 0)
                    {
                        var window = queryWindows[w];
                        candidates[count++] = new Candidate { Similarity = s, Weight = WindowWeight(query, window), QueryStart = (short)window.Start, QueryLength = (byte)window.Length, EntryStart = (short)j, EntryLength = 1 };
                    }
                }

                continue;
            }

            memoised = false;
            for (var i = 0; i < query.Length; i++)
            {
                var s = TokenSimilarity.Of(query[i], e);
                if (s > 0)
                {
                    candidates[count++] = new Candidate { Similarity = s, Weight = query[i].Weight, QueryStart = (short)i, QueryLength = 1, EntryStart = (short)j, EntryLength = 1 };
                }
            }
        }

        // Joined query windows against each entry token, unless the memo already gave them above.
        foreach (var w in memoised ? default : queryWindows)
        {
            var kind = Compounds.KindOf(query, w);
            var first = query[w.Start].FirstClass;
            var length = 0;
            var weight = 0.0;
            for (var k = w.Start; k < w.Start + w.Length; k++)
            {
                weight += query[k].Weight;
            }

            for (var j = 0; j < entry.Length; j++)
            {
                // Gate and lengths first: most windows cannot meet most tokens, and joining costs a copy.
                if (!Plausible(first, kind, Compounds.Length(query, w), Compounds.ShortestPart(query, w), entry[j]))
                {
                    continue;
                }

                if (length == 0)
                {
                    length = Compounds.Join(query, w, joined);
                }

                var s = TokenSimilarity.Of(joined[..length], kind, entry[j]);
                if (s > 0)
                {
                    candidates[count++] = new Candidate { Similarity = s, Weight = weight, QueryStart = (short)w.Start, QueryLength = (byte)w.Length, EntryStart = (short)j, EntryLength = 1 };
                }
            }
        }

        foreach (var w in entryWindows)
        {
            var kind = Compounds.KindOf(entry, w);
            var first = entry[w.Start].FirstClass;
            var length = 0;
            for (var i = 0; i < query.Length; i++)
            {
                if (!Plausible(first, kind, Compounds.Length(entry, w), Compounds.ShortestPart(entry, w), query[i]))
                {
                    continue;
                }

                if (length == 0)
                {
                    length = Compounds.Join(entry, w, joined);
                }

                var s = TokenSimilarity.OfEntryWindow(query[i], joined[..length], kind);
                if (s > 0)
                {
                    candidates[count++] = new Candidate { Similarity = s, Weight = query[i].Weight, QueryStart = (short)i, QueryLength = 1, EntryStart = (short)w.Start, EntryLength = (byte)w.Length };
                }
            }
        }

        return count;
    }

    /// <summary>
    /// Query tokens against the form's entry windows, as the last loop of <see cref="CollectCandidates"/> rates them, in
    /// the same order. A window's row depends on its text and kind alone (its id); whether the query token's length fits
    /// the window's split (<see cref="Compounds.LengthsFit"/>) depends on the form, so it is checked here, per form.
    /// </summary>
    private static int CollectIndexedWindows(
        ReadOnlySpan<TokenInfo> query, ReadOnlySpan<TokenInfo> entry, ReadOnlySpan<FormWindow> windows, CandidateIndex index, SimilarityMemo memo,
        Span<Candidate> candidates)
    {
        var count = 0;
        foreach (var w in windows)
        {
            if (w.Start + w.Length > entry.Length || !AnyPlausible(query, w))
            {
                continue;
            }

            var row = memo.Row(w.Id, out var fresh);
            if (fresh)
            {
                var text = index.Text(w.Id);
                for (var i = 0; i < query.Length; i++)
                {
                    row[i] = PlausibleAnySplit(w.FirstClass, w.Kind, w.JoinedLength, query[i]) ? TokenSimilarity.OfEntryWindow(query[i], text, w.Kind) : 0;
                }
            }

            for (var i = 0; i < query.Length; i++)
            {
                if (row[i] > 0 && (w.Abjad || (query[i].Kind & TokenKind.Abjad) != 0 || Fits(w.JoinedLength, w.ShortestPart, query[i])))
                {
                    candidates[count++] = new Candidate { Similarity = row[i], Weight = query[i].Weight, QueryStart = (short)i, QueryLength = 1, EntryStart = w.Start, EntryLength = w.Length };
                }
            }
        }

        return count;
    }

    private static bool AnyPlausible(ReadOnlySpan<TokenInfo> query, FormWindow w)
    {
        foreach (var q in query)
        {
            if (Plausible(w.FirstClass, w.Kind, w.JoinedLength, w.ShortestPart, q))
            {
                return true;
            }
        }

        return false;
    }

    private static double Assign(ReadOnlySpan<TokenInfo> query, ReadOnlySpan<TokenInfo> entry, Span<Candidate> candidates, ScoreDetail? detail)
    {
        // Best first; among equals, the pair covering more tokens, then the heavier, then the earliest (deterministic).
        // Insertion sort: a handful of pairs pass the gates.
        for (var i = 1; i < candidates.Length; i++)
        {
            var x = candidates[i];
            var k = i - 1;
            while (k >= 0 && Before(x, candidates[k]))
            {
                candidates[k + 1] = candidates[k];
                k--;
            }

            candidates[k + 1] = x;
        }

        ulong usedQuery = 0, usedEntry = 0;
        double met = 0, metWeight = 0;
        var strongMet = false;
        var anchors = 0;
        var anchorLoss = 0.0;
        foreach (var c in candidates)
        {
            var qMask = ((1UL << c.QueryLength) - 1) << c.QueryStart;
            var eMask = ((1UL << c.EntryLength) - 1) << c.EntryStart;
            if ((usedQuery & qMask) != 0 || (usedEntry & eMask) != 0)
            {
                continue;
            }

            usedQuery |= qMask;
            usedEntry |= eMask;
            met += Sharpen(c.Similarity) * c.Weight;
            metWeight += c.Weight;
            var anchor = false;
            for (var k = c.QueryStart; k < c.QueryStart + c.QueryLength; k++)
            {
                strongMet |= !query[k].IsWeak;
                anchor |= IsAnchor(query[k]);
            }

            if (anchor)
            {
                anchors++;
                anchorLoss += (Sharpen(c.Similarity) - SharpenLone(c.Similarity)) * c.Weight;
            }

            detail?.Pairs.Add(new AlignedPair(c.QueryStart, c.QueryLength, c.EntryStart, c.EntryLength, c.Similarity, c.Weight, Sharpen(c.Similarity)));
        }

        if (anchors == 1 && anchorLoss > 0)
        {
            // The whole match hangs on one distinctive token: a near miss there ("Bosch" for "Busch") is a different
            // name more often than a typo, so it counts for less.
            met -= anchorLoss;
            if (detail is not null)
            {
                for (var k = 0; k < detail.Pairs.Count; k++)
                {
                    var p = detail.Pairs[k];
                    var isAnchor = false;
                    for (var q = p.QueryStart; q < p.QueryStart + p.QueryLength; q++)
                    {
                        isAnchor |= IsAnchor(query[q]);
                    }

                    if (isAnchor)
                    {
                        detail.Pairs[k] = p with { Counted = SharpenLone(p.Similarity) };
                    }
                }
            }
        }

        double unmatchedQuery = 0, unmatchedEntry = 0, strongQuery = 0, strongEntry = 0, anchorQuery = 0;
        bool queryNumberLeft = false, entryNumberLeft = false;
        for (var i = 0; i < query.Length; i++)
        {
            if ((usedQuery & (1UL << i)) == 0)
            {
                unmatchedQuery += query[i].Weight;
                strongQuery += query[i].IsWeak ? 0 : query[i].Weight;
                anchorQuery += IsAnchor(query[i]) ? query[i].Weight : 0;
                queryNumberLeft |= query[i].IsNumber;
            }
        }

        for (var j = 0; j < entry.Length; j++)
        {
            if ((usedEntry & (1UL << j)) == 0)
            {
                unmatchedEntry += entry[j].Weight;
                strongEntry += entry[j].IsWeak ? 0 : entry[j].Weight;
                entryNumberLeft |= entry[j].IsNumber;
            }
        }

        // Tokens left on both sides face each other (a substitution); what is left on one side only was just omitted.
        var conflict = Math.Min(strongQuery, strongEntry);
        var omittedQuery = unmatchedQuery - conflict;

        // A match that hangs on a single distinctive token ("Sara" in "Sara Ray") pays fully for what else the query says.
        var heavy = anchors <= 1 ? Math.Min(anchorQuery, omittedQuery) : 0;
        var denominator = metWeight
            + (ScoringParameters.SingleAnchorQueryWeight * heavy)
            + (ScoringParameters.UnmatchedQueryWeight * (omittedQuery - heavy))
            + (ScoringParameters.UnmatchedEntryWeight * (unmatchedEntry - conflict))
            + (ScoringParameters.ConflictWeight * conflict);
        var score = denominator > 0 ? met / denominator : 0;
        if (!strongMet)
        {
            score = Math.Min(score, ScoringParameters.WeakOnlyCap);
        }

        var numbersDiffer = queryNumberLeft && entryNumberLeft;
        if (numbersDiffer)
        {
            score *= ScoringParameters.NumberMismatchFactor;
        }

        if (detail is not null)
        {
            detail.UsedQuery = usedQuery;
            detail.UsedEntry = usedEntry;
            detail.Denominator = denominator;
            detail.WeakOnly = !strongMet && candidates.Length > 0;
            detail.NumbersDiffer = numbersDiffer;
        }

        return Math.Clamp(score, 0.0, 1.0);
    }

    private static bool Before(in Candidate x, in Candidate y)
    {
        if (x.Similarity != y.Similarity)
        {
            return x.Similarity > y.Similarity;
        }

        var cx = x.QueryLength + x.EntryLength;
        var cy = y.QueryLength + y.EntryLength;
        if (cx != cy)
        {
            return cx > cy;
        }

        if (x.Weight != y.Weight)
        {
            return x.Weight > y.Weight;
        }

        return x.QueryStart != y.QueryStart ? x.QueryStart < y.QueryStart : x.EntryStart < y.EntryStart;
    }

    private static double WindowWeight(ReadOnlySpan<TokenInfo> query, Compounds.Window window)
    {
        var weight = 0.0;
        for (var k = window.Start; k < window.Start + window.Length; k++)
        {
            weight += query[k].Weight;
        }

        return weight;
    }

    private static double WindowSimilarity(ReadOnlySpan<TokenInfo> query, Compounds.Window window, TokenInfo entry, Span<char> joined)
    {
        var kind = Compounds.KindOf(query, window);
        if (!Plausible(query[window.Start].FirstClass, kind, Compounds.Length(query, window), Compounds.ShortestPart(query, window), entry))
        {
            return 0;
        }

        var length = Compounds.Join(query, window, joined);
        return TokenSimilarity.Of(joined[..length], kind, entry);
    }

    /// <summary>Whether a joined window (first sound class, kind, length, shortest part) could meet a token at all.</summary>
    private static bool Plausible(byte firstClass, TokenKind kind, int length, int shortestPart, TokenInfo other) =>
        PlausibleAnySplit(firstClass, kind, length, other) && (((kind | other.Kind) & TokenKind.Abjad) != 0 || Fits(length, shortestPart, other));

    /// <summary><see cref="Plausible"/> but for the split of the joined text (<see cref="Fits"/>), which the caller checks.</summary>
    private static bool PlausibleAnySplit(byte firstClass, TokenKind kind, int length, TokenInfo other)
    {
        if (other.IsNumber || other.IsWeak || (other.Kind & TokenKind.Initial) != 0)
        {
            return false;
        }

        if (((kind | other.Kind) & TokenKind.Abjad) != 0)
        {
            return true;
        }

        return other.Alternates is not null || (firstClass == other.FirstClass && TokenSimilarity.LengthsAllow(length, other.Text.Length));
    }

    /// <summary>Whether a token (any reading) is long enough and short enough to stand for a joined text of this split.</summary>
    private static bool Fits(int length, int shortestPart, TokenInfo other) =>
        Compounds.LengthsFit(length, shortestPart, other.Text.Length) || AnyReadingFits(length, shortestPart, other);

    private static bool AnyReadingFits(int length, int shortestPart, TokenInfo other)
    {
        if (other.Alternates is null)
        {
            return false;
        }

        foreach (var alternate in other.Alternates)
        {
            if (Compounds.LengthsFit(length, shortestPart, alternate.Length))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A distinctive token: not a legal form, common word or name, particle, place, initial or number.</summary>
    private static bool IsAnchor(TokenInfo token) =>
        (token.Kind & (TokenKind.Weak | TokenKind.Generic | TokenKind.CommonName | TokenKind.Particle | TokenKind.Location | TokenKind.Initial | TokenKind.Number)) == 0;

    /// <summary>What the one distinctive pair of a match counts (see <see cref="ScoringParameters.LoneAnchorSharpness"/>).</summary>
    public static double SharpenLone(double similarity) => Math.Max(0.0, 1.0 - (ScoringParameters.LoneAnchorSharpness * (1.0 - similarity)));

    /// <summary>What a met pair of the given similarity counts (see <see cref="ScoringParameters.PairSharpness"/>).</summary>
    public static double Sharpen(double similarity) => Math.Max(0.0, 1.0 - (ScoringParameters.PairSharpness * (1.0 - similarity)));
}
