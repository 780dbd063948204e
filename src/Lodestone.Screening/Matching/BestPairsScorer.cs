using System.Buffers;
using Lodestone.Screening.Normalisation;

namespace Lodestone.Screening.Matching;

/// <summary>One met pair in an alignment: a window of query tokens and a window of entry tokens (one side a single token).</summary>
internal readonly record struct AlignedPair(int QueryStart, int QueryLength, int EntryStart, int EntryLength, double Similarity, double Weight);

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
/// Best-pairs scoring of a query name against one entry name. Every query token (and joined window, see
/// <see cref="Compounds"/>) is compared with every entry token; pairs are taken best first, one-to-one; the score
/// is a weighted average in which a met pair counts its (sharpened) similarity at the query tokens' weight, an
/// unmatched query token counts 0 at <see cref="ScoringParameters.UnmatchedQueryWeight"/> of its weight and an
/// unmatched entry token 0 at <see cref="ScoringParameters.UnmatchedEntryWeight"/> of its weight (query-side omissions
/// cost more, as in logic-v2); unmatched tokens facing each other on both sides cost
/// <see cref="ScoringParameters.ConflictWeight"/>. Identical names score 1. Because a met pair is weighted by query weights only, the score of any entry that meets none of a set of
/// query tokens is bounded from the query alone — the candidate index relies on that bound.
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

    internal static double ScoreArrays(TokenInfo[] q, TokenInfo[] e) => Score(q, e); // TEMP

    public static double Score(ReadOnlySpan<TokenInfo> query, ReadOnlySpan<TokenInfo> entry, ScoreDetail? detail = null)
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
        var nEntryWindows = Compounds.EntryWindows(entry, entryWindows);
        var capacity = (nq * ne) + (nqw * ne) + (nq * nEntryWindows);
        Candidate[]? rented = null;
        Span<Candidate> candidates = capacity <= StackPairs
            ? stackalloc Candidate[StackPairs]
            : (rented = ArrayPool<Candidate>.Shared.Rent(capacity));
        try
        {
            var count = CollectCandidates(query, entry, queryWindows[..nqw], entryWindows[..nEntryWindows], candidates);
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
        ReadOnlySpan<Compounds.Window> entryWindows, Span<Candidate> candidates)
    {
        var count = 0;
        for (var i = 0; i < query.Length; i++)
        {
            var q = query[i];
            for (var j = 0; j < entry.Length; j++)
            {
                var s = TokenSimilarity.Of(q, entry[j]);
                if (s > 0)
                {
                    candidates[count++] = new Candidate { Similarity = s, Weight = q.Weight, QueryStart = (short)i, QueryLength = 1, EntryStart = (short)j, EntryLength = 1 };
                }
            }
        }

        Span<char> joined = stackalloc char[Compounds.MaxLength];
        foreach (var w in queryWindows)
        {
            var length = Compounds.Join(query, w, joined);
            var kind = Compounds.KindOf(query, w);
            var weight = 0.0;
            for (var k = w.Start; k < w.Start + w.Length; k++)
            {
                weight += query[k].Weight;
            }

            for (var j = 0; j < entry.Length; j++)
            {
                var s = TokenSimilarity.Of(joined[..length], kind, entry[j]);
                if (s > 0)
                {
                    candidates[count++] = new Candidate { Similarity = s, Weight = weight, QueryStart = (short)w.Start, QueryLength = (byte)w.Length, EntryStart = (short)j, EntryLength = 1 };
                }
            }
        }

        foreach (var w in entryWindows)
        {
            var length = Compounds.Join(entry, w, joined);
            var kind = Compounds.KindOf(entry, w);
            for (var i = 0; i < query.Length; i++)
            {
                var s = TokenSimilarity.Of(query[i], joined[..length], kind);
                if (s > 0)
                {
                    candidates[count++] = new Candidate { Similarity = s, Weight = query[i].Weight, QueryStart = (short)i, QueryLength = 1, EntryStart = (short)w.Start, EntryLength = (byte)w.Length };
                }
            }
        }

        return count;
    }

    private static double Assign(ReadOnlySpan<TokenInfo> query, ReadOnlySpan<TokenInfo> entry, Span<Candidate> candidates, ScoreDetail? detail)
    {
        // Best first; among equals, the pair covering more tokens, then the heavier, then the earliest (deterministic).
        candidates.Sort(static (x, y) =>
        {
            var c = y.Similarity.CompareTo(x.Similarity);
            if (c != 0)
            {
                return c;
            }

            c = (y.QueryLength + y.EntryLength).CompareTo(x.QueryLength + x.EntryLength);
            if (c != 0)
            {
                return c;
            }

            c = y.Weight.CompareTo(x.Weight);
            if (c != 0)
            {
                return c;
            }

            c = x.QueryStart.CompareTo(y.QueryStart);
            return c != 0 ? c : x.EntryStart.CompareTo(y.EntryStart);
        });

        ulong usedQuery = 0, usedEntry = 0;
        double met = 0, metWeight = 0;
        var strongMet = false;
        var anchors = 0;
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

            anchors += anchor ? 1 : 0;

            detail?.Pairs.Add(new AlignedPair(c.QueryStart, c.QueryLength, c.EntryStart, c.EntryLength, c.Similarity, c.Weight));
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

    /// <summary>A distinctive token: not a legal form, common word, particle, place, initial or number.</summary>
    private static bool IsAnchor(TokenInfo token) =>
        (token.Kind & (TokenKind.Weak | TokenKind.Generic | TokenKind.Particle | TokenKind.Location | TokenKind.Initial | TokenKind.Number)) == 0;

    /// <summary>What a met pair of the given similarity counts (see <see cref="ScoringParameters.PairSharpness"/>).</summary>
    public static double Sharpen(double similarity) => Math.Max(0.0, 1.0 - (ScoringParameters.PairSharpness * (1.0 - similarity)));
}
