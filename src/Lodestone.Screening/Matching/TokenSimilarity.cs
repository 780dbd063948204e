using Lodestone.Screening.Normalisation;

namespace Lodestone.Screening.Matching;

/// <summary>
/// Similarity of one query token and one entry token, 0..1, where 0 means "not met". Rules, in order: numbers match
/// only exactly; legal forms meet only legal forms; an initial meets a word it starts; a romanised Arabic or Hebrew
/// token is compared by consonant skeleton; otherwise the first letters must share a sound class and Jaro-Winkler,
/// scaled down for very different lengths, must reach <see cref="ScoringParameters.PairFloor"/>. A spelling or skeleton
/// pair then counts only if the two tokens (or the joined windows standing for them) share a fuzzy key
/// (<see cref="KeyGate"/>), so that the candidate index, which finds pairs by their keys, reaches every pair the scorer
/// credits.
/// </summary>
internal static class TokenSimilarity
{
    /// <summary>How many letters shorter than romanised Arabic or Hebrew a Latin spelling of it may be.</summary>
    private const int AbjadLengthSlack = 0;

    public static double Of(TokenInfo q, TokenInfo e) => Of(q, e, KeyGate.Token);

    /// <summary>Similarity of a query token and an entry token, every reading of each; <paramref name="gate"/>: see <see cref="KeyGate"/>.</summary>
    public static double Of(TokenInfo q, TokenInfo e, KeyGate gate)
    {
        // A query token read from another script (Han, Hangul: it has a source) was not typed, so it has no typos;
        // and pinyin or romanised Korean given names one letter apart are different names (jiantong, jianting).
        var typos = q.Source is null;
        if (q.Alternates is null && e.Alternates is null)
        {
            return Of(q, e.Text, e.Kind, e.FirstClass, gate);
        }

        var best = Of(q.Text, q.Kind, e.Text, e.Kind, typos, gate);

        // A glossary word may stand for several English words; the best reading counts.
        foreach (var qa in Readings(q))
        {
            foreach (var ea in Readings(e))
            {
                best = Math.Max(best, Of(qa, q.Kind, ea, e.Kind, typos, gate));
            }
        }

        return best;
    }

    /// <summary>
    /// Similarity of a token and an entry token's text, kind and first sound class, neither with alternative readings
    /// (the scorer's inner loop and the vocabulary lookups).
    /// </summary>
    public static double Of(TokenInfo q, ReadOnlySpan<char> e, TokenKind eKind, byte eFirstClass, KeyGate gate = KeyGate.Token)
    {
        // Different sound classes rule a pair out before any text is read (romanised Arabic is gated on its skeleton
        // instead); a typed token may still be one typo away.
        var typos = q.Source is null;
        if (q.FirstClass != eFirstClass && ((q.Kind | eKind) & TokenKind.Abjad) == 0
            && (!typos || !Typos.LengthsAllow(q.Text.Length, e.Length)))
        {
            return 0;
        }

        return Of(q.Text, q.Kind, e, eKind, typos, gate);
    }

    /// <summary>
    /// Similarity of a token (q), every reading, and a joined entry window: the text of adjacent entry tokens run together,
    /// with its kind ("friedrichbuchenberg" for "Friedrich Buchenberg"). The scorer gates it with
    /// <see cref="KeyGate.EntryWindow"/>, the index's lookups rate it ungated.
    /// </summary>
    public static double OfEntryWindow(TokenInfo q, ReadOnlySpan<char> e, TokenKind eKind, KeyGate gate = KeyGate.EntryWindow)
    {
        var best = Of(q.Text, q.Kind, e, eKind, q.Source is null, gate);
        if (q.Alternates is not null)
        {
            foreach (var qa in q.Alternates)
            {
                best = Math.Max(best, Of(qa, q.Kind, e, eKind, q.Source is null, gate));
            }
        }

        return best;
    }

    /// <summary>Similarity of a span of text with its kind (a joined query window) and an entry token.</summary>
    public static double Of(ReadOnlySpan<char> q, TokenKind qKind, TokenInfo e, KeyGate gate = KeyGate.Window)
    {
        var best = Of(q, qKind, e.Text, e.Kind, gate: gate);
        if (e.Alternates is not null)
        {
            foreach (var ea in e.Alternates)
            {
                best = Math.Max(best, Of(q, qKind, ea, e.Kind, gate: gate));
            }
        }

        return best;
    }

    /// <summary>
    /// Similarity of two texts with their kinds, the query's first; <paramref name="typos"/> lets a typo pair count (see
    /// <see cref="Typos"/>); <paramref name="gate"/> says which fuzzy keys a spelling pair must share (see <see cref="KeyGate"/>).
    /// </summary>
    public static double Of(ReadOnlySpan<char> a, TokenKind ka, ReadOnlySpan<char> b, TokenKind kb, bool typos = true, KeyGate gate = KeyGate.None)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        if (((ka | kb) & TokenKind.Number) != 0)
        {
            return (ka & kb & TokenKind.Number) != 0 && a.SequenceEqual(b) ? 1.0 : 0.0;
        }

        if (((ka ^ kb) & TokenKind.Weak) != 0)
        {
            return 0;
        }

        if (a.SequenceEqual(b))
        {
            return 1.0;
        }

        if (a.Length == 1 || b.Length == 1)
        {
            // An initial in the query (V. Putin) stands for the entry's name; an initial in the entry only says what
            // letter the query's name starts with, which is weak evidence.
            return a.Length == b.Length || a[0] != b[0] ? 0.0
                : a.Length == 1 ? ScoringParameters.InitialSimilarity : ScoringParameters.EntryInitialSimilarity;
        }

        if (((ka ^ kb) & TokenKind.Abjad) != 0)
        {
            return Gated((ka & TokenKind.Abjad) != 0 ? SkeletonSimilarity(a, b) : SkeletonSimilarity(b, a), a, ka, b, kb, gate);
        }

        var typo = typos && Typos.LengthsAllow(a.Length, b.Length) ? Typos.Similarity(a, b) : 0;
        var spelling = Phonetic.ClassOf(a[0]) != Phonetic.ClassOf(b[0]) || !LengthsAllow(a.Length, b.Length)
            ? typo
            : Math.Max(typo, Finish(JaroWinkler.Similarity(a, b), a.Length, b.Length));
        return Gated(spelling, a, ka, b, kb, gate);
    }

    /// <summary>
    /// A spelling or skeleton pair counts only if the candidate index can find it. Jaro-Winkler also rates pairs that
    /// share no fuzzy key ("linda" ~ "linlux", "olegovich" ~ "igorovich"), which no lookup short of scanning the
    /// vocabulary reaches; crediting them made the candidate stage drop entries the scorer rated above the threshold.
    /// </summary>
    private static double Gated(double similarity, ReadOnlySpan<char> a, TokenKind ka, ReadOnlySpan<char> b, TokenKind kb, KeyGate gate) =>
        similarity > 0 && gate != KeyGate.None && !FuzzyKeys.Share(a, ka, b, kb, gate) ? 0 : similarity;

    /// <summary>
    /// Romanised Arabic or Hebrew (consonants only) against a Latin spelling, by consonant skeleton: "mhmd" ~ "mohamed".
    /// Skeletons of one or two letters say little ("wd" would meet "oded"), so they must be equal and the Latin word
    /// short; and a skeleton match is never taken as certain.
    /// </summary>
    private static double SkeletonSimilarity(ReadOnlySpan<char> abjad, ReadOnlySpan<char> latin)
    {
        if (latin.Length < abjad.Length - AbjadLengthSlack)
        {
            // Romanised Arabic or Hebrew writes consonants and long vowels; a Latin spelling adds the short vowels, so
            // it is rarely shorter. "ayd ddfr" (Aida Dadfar) joined shares the skeleton d-f-r with "Dover", which
            // cannot spell it.
            return 0;
        }

        Span<char> sa = stackalloc char[Math.Min(abjad.Length, 64)];
        Span<char> sb = stackalloc char[Math.Min(latin.Length, 64)];
        var na = Phonetic.Skeleton(abjad, sa);
        var nb = Phonetic.Skeleton(latin, sb);
        if (na == 0 || nb == 0 || Phonetic.ClassOf(sa[0]) != Phonetic.ClassOf(sb[0]))
        {
            return 0;
        }

        if (Math.Min(na, nb) <= 2 && (!sa[..na].SequenceEqual(sb[..nb]) || latin.Length > nb + 2))
        {
            return 0;
        }

        return Finish(ScoringParameters.AbjadCertainty * JaroWinkler.Similarity(sa[..na], sb[..nb]), na, nb);
    }

    /// <summary>False when two lengths alone keep a pair below the floor (saves the Jaro-Winkler of hopeless pairs).</summary>
    public static bool LengthsAllow(int la, int lb)
    {
        int shorter = Math.Min(la, lb), longer = Math.Max(la, lb);
        return shorter * 10 >= longer * 9 || LengthPenalty(shorter, longer) * JaroWinkler.UpperBound(shorter, longer) >= ScoringParameters.PairFloor;
    }

    public static double LengthPenalty(int shorter, int longer)
    {
        var ratio = (double)shorter / longer;
        return ratio < ScoringParameters.LengthRatioLimit ? 1.0 - ((1.0 - ratio) * ScoringParameters.LengthRatioScale) : 1.0;
    }

    private static double Finish(double similarity, int la, int lb)
    {
        double ratio = (double)Math.Min(la, lb) / Math.Max(la, lb);
        if (ratio < ScoringParameters.LengthRatioLimit)
        {
            similarity *= 1.0 - ((1.0 - ratio) * ScoringParameters.LengthRatioScale);
        }

        return similarity >= ScoringParameters.PairFloor ? similarity : 0.0;
    }

    private static IEnumerable<string> Readings(TokenInfo token)
    {
        yield return token.Text;
        if (token.Alternates is not null)
        {
            foreach (var a in token.Alternates)
            {
                yield return a;
            }
        }
    }
}

/// <summary>Which fuzzy keys a spelling pair (a typo or a Jaro-Winkler pair) must share to count.</summary>
internal enum KeyGate
{
    /// <summary>None: the pair's similarity alone (vocabulary lookups, which reach pairs by their keys anyway).</summary>
    None,

    /// <summary>A query token's lookup keys and the entry token's index keys (<see cref="FuzzyKeys.Share"/>).</summary>
    Token,

    /// <summary>A joined query window's lookup keys (exact and deletions) and the entry token's index keys.</summary>
    Window,

    /// <summary>A query token's lookup keys and a joined entry window's index keys (exact, deletions, sound, skeletons).</summary>
    EntryWindow,
}
